using System.Security.Cryptography;
using System.Text;
using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>
/// The embedded demo: synthetic liked songs for each person in params. Each person's songs are seeded by
/// their name and their taste profile comes from their name too (unless params set one), so adding or
/// removing someone leaves everyone else's songs exactly as they were. A share of each person's songs
/// (1 - taste) is picked from one mainstream pool everyone hears, seeded by the seed alone; its size is set
/// so that two people pick the same song about `shared` of the time, which is how tastes overlap.
/// </summary>
public static class DemoSource
{
    /// <summary>No pool is more than this many times a person's picks from it: a very small `shared` still overlaps a little.</summary>
    private const int MaxPoolFactor = 100;

    public static TrackTable Generate(int seed, IReadOnlyDictionary<string, UserParams> users, DemoParams demo, IProgress<double> progress)
    {
        var names = users.Keys.Order(StringComparer.Ordinal).ToList();
        var fromPool = (int)Math.Round((1 - demo.Taste) * demo.TracksPerUser);
        var pool = Pool(seed, fromPool, demo);
        var rows = new List<(string User, DemoTrack Track)>();
        for (var u = 0; u < names.Count; u++)
        {
            var sampler = new Sampler(SeedOf(seed, names[u]));
            var profile = ProfileOf(names[u], users[names[u]]);
            var own = Enumerable.Range(0, demo.TracksPerUser - fromPool).Select(_ => DemoTrackFactory.Create(sampler, profile));
            var mainstream = pool.Count == 0
                ? Enumerable.Range(0, fromPool).Select(_ => DemoTrackFactory.Create(sampler, TasteProfile.Pop))
                : Pick(sampler, pool, fromPool);
            rows.AddRange(own.Concat(mainstream).DistinctBy(t => t.Id).Select(t => (names[u], t)));
            progress.Report((u + 1) / (double)(names.Count + 1));
        }
        progress.Report(1);
        return DemoTrackFactory.ToTable(rows).Sorted();
    }

    /// <summary>The person's taste: the one params name, or one drawn from their name (the same in every workspace).</summary>
    internal static TasteProfile ProfileOf(string user, UserParams parameters) =>
        parameters.Profile is { } named
            ? TasteProfile.Named(named) ?? throw new InvalidDataException(
                $"params.yaml: fetch.users.{user}.profile '{named}' is not one of: {string.Join(", ", TasteProfile.Listeners.Select(p => p.Name))}")
            : Drawn[(int)(Hash(user) % (uint)Drawn.Count)];

    /// <summary>The profiles a name draws from: all but pop, which is what the mainstream pool already sounds like.</summary>
    private static IReadOnlyList<TasteProfile> Drawn { get; } = [.. TasteProfile.Listeners.Where(p => p != TasteProfile.Pop)];

    /// <summary>"paulo: acoustic (drawn from the name), amelia: rock (set in params)".</summary>
    public static string Profiles(IReadOnlyDictionary<string, UserParams> users) =>
        string.Join(", ", users.Keys.Order(StringComparer.Ordinal).Select(u =>
            $"{u}: {ProfileOf(u, users[u]).Name}{(users[u].Profile is null ? "" : " (set in params)")}"));

    private static List<DemoTrack> Pool(int seed, int fromPool, DemoParams demo)
    {
        if (fromPool == 0 || demo.Shared <= 0)
        {
            return [];
        }
        var size = (int)Math.Clamp(Math.Round((double)fromPool * fromPool / (demo.Shared * demo.TracksPerUser)), fromPool, (double)fromPool * MaxPoolFactor);
        var sampler = new Sampler(SeedOf(seed, "mainstream pool"));
        return [.. Enumerable.Range(0, size).Select(_ => DemoTrackFactory.Create(sampler, TasteProfile.Pop))];
    }

    /// <summary><paramref name="count"/> distinct songs of the pool, by a partial Fisher-Yates shuffle.</summary>
    private static IEnumerable<DemoTrack> Pick(Sampler sampler, List<DemoTrack> pool, int count)
    {
        var order = Enumerable.Range(0, pool.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + sampler.Below(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
            yield return pool[order[i]];
        }
    }

    private static int SeedOf(int seed, string name) => (int)Hash($"{seed}\n{name}");

    private static uint Hash(string text) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}
