using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>
/// The embedded demo: synthetic liked songs for each person in params, seeded. Each person has a taste
/// profile; a share of their songs comes from a mainstream pool everyone hears, and a few songs are liked
/// by two people, so the classes overlap the way real listeners do.
/// </summary>
public static class DemoSource
{
    public static TrackTable Generate(int seed, IReadOnlyDictionary<string, UserParams> users, DemoParams demo, IProgress<double> progress)
    {
        var sampler = new Sampler(seed);
        var names = users.Keys.Order(StringComparer.Ordinal).ToList();
        var perUser = new List<List<DemoTrack>>();
        for (var u = 0; u < names.Count; u++)
        {
            var profile = ProfileFor(names[u], users[names[u]], u);
            var tracks = new List<DemoTrack>(demo.TracksPerUser);
            for (var i = 0; i < demo.TracksPerUser; i++)
            {
                tracks.Add(DemoTrackFactory.Create(sampler, sampler.Chance(demo.Taste) ? profile : TasteProfile.Pop));
            }
            perUser.Add(tracks);
            progress.Report((u + 1) / (double)(names.Count + 1));
        }
        ShareSomeSongs(sampler, perUser, demo.Shared);
        var rows = names.SelectMany((name, u) => perUser[u].Select(t => (User: name, Track: t))).ToList();
        progress.Report(1);
        return DemoTrackFactory.ToTable(rows).Sorted();
    }

    private static TasteProfile ProfileFor(string user, UserParams parameters, int index)
    {
        if (parameters.Profile is null)
        {
            return TasteProfile.Listeners[index % TasteProfile.Listeners.Count];
        }
        return TasteProfile.Named(parameters.Profile)
            ?? throw new InvalidDataException($"params.yaml: fetch.users.{user}.profile '{parameters.Profile}' is not one of: {string.Join(", ", TasteProfile.Listeners.Select(p => p.Name))}");
    }

    /// <summary>Replaces a few of each person's songs with songs another person likes.</summary>
    private static void ShareSomeSongs(Sampler sampler, List<List<DemoTrack>> perUser, double share)
    {
        var originals = perUser.Select(list => list.ToList()).ToList();
        for (var u = 0; u < perUser.Count; u++)
        {
            var count = (int)Math.Round(share * perUser[u].Count);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < count; k++)
            {
                var other = (u + 1 + sampler.Below(perUser.Count - 1)) % perUser.Count;
                var song = sampler.Pick(originals[other]);
                if (taken.Add(song.Id))
                {
                    perUser[u][sampler.Below(perUser[u].Count)] = song;
                }
            }
            perUser[u] = perUser[u].DistinctBy(t => t.Id).ToList();
        }
    }
}
