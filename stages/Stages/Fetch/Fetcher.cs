using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>The Fetch stage: everyone's liked songs from the configured source, into data/raw/tracks.parquet.</summary>
public static class Fetcher
{
    /// <summary>The files the csv source reads (relative to the workspace): the stage's deps.</summary>
    public static IReadOnlyList<string> SourceFiles(FetchParams parameters) => parameters.Source != "csv" ? []
        : parameters.Csv.File is { } single ? [single]
        : parameters.Users.Values.Select(u => u.File!).Where(f => f is not null).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Before anything runs: the spotify source needs everyone logged in, and a client id to refresh their logins.</summary>
    public static void Check(FetchParams parameters, Func<string, string> resolve, Func<string, string?> environment)
    {
        if (parameters.Source == "spotify")
        {
            SpotifySource.Check(parameters, resolve, environment);
        }
    }

    public static void Fetch(int seed, FetchParams parameters, FetchRun run)
    {
        var log = run.Log;
        var tracks = parameters.Source switch
        {
            "demo" => DemoSource.Generate(seed, parameters.Users, parameters.Demo, run.Progress),
            "csv" => FromFiles(parameters, run.Resolve, log, run.Phases),
            "spotify" => FromSpotify(parameters, run),
            _ => throw BadInput.SourceNotAvailable(parameters.Source),
        };
        var users = tracks.User.Distinct().ToList();
        if (users.Count < 2)
        {
            throw BadInput.TooFewUsers("fetch", users);
        }
        log($"{tracks.RowCount} songs from {users.Count} people ({string.Join(", ", users.Select(u => $"{u}: {tracks.User.Count(x => x == u)}"))})");
        TrackStore.Write(tracks, run.TracksOutput);
    }

    private static TrackTable FromSpotify(FetchParams parameters, FetchRun run)
    {
        var (tracks, summary) = SpotifySource.Fetch(parameters, run);
        summary.Save(run.SummaryOutput ?? throw new InvalidOperationException("the spotify source writes a fetch summary: declare it"));
        return tracks;
    }

    private static TrackTable FromFiles(FetchParams parameters, Func<string, string> resolve, Action<string> log, IProgress<(string Phase, long Done, long Total)> phases)
    {
        if (parameters.Csv.File is { } single)
        {
            var table = TrackImporter.Import(RawTableReader.Read(resolve(single), single), null, parameters.Csv.LabelColumn,
                parameters.Users.Keys, parameters.MaxBadRows, log, phases);
            foreach (var user in parameters.Users.Keys.Where(u => !table.User.Contains(u)))
            {
                throw BadInput.NoTracks(user, single);
            }
            return table.Sorted().WithoutDuplicates();
        }
        var parts = new List<TrackTable>();
        foreach (var (user, settings) in parameters.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var part = TrackImporter.Import(RawTableReader.Read(resolve(settings.File!), settings.File!), user, null, [], parameters.MaxBadRows, log, phases);
            if (part.RowCount == 0)
            {
                throw BadInput.NoTracks(user, settings.File!);
            }
            parts.Add(part);
        }
        return TrackTable.Concat(parts).Sorted().WithoutDuplicates();
    }
}
