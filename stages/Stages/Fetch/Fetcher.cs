using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>The Fetch stage: everyone's liked songs from the configured source, into data/raw/tracks.parquet.</summary>
public static class Fetcher
{
    /// <summary>The files the configured source reads (relative to the workspace): the stage's deps.</summary>
    public static IReadOnlyList<string> SourceFiles(FetchParams parameters) => Sources.Sources.Find(parameters.Source).Files(parameters);

    /// <summary>Before anything runs: a source that cannot start says so (the spotify source needs everyone logged in).</summary>
    public static void Check(FetchParams parameters, Func<string, string> resolve, Func<string, string?> environment) =>
        Sources.Sources.Find(parameters.Source).Check(parameters, resolve, environment);

    public static void Fetch(int seed, FetchParams parameters, FetchRun run)
    {
        var log = run.Log;
        var files = new List<FileSummary>();
        var (tracks, summary) = Sources.Sources.Find(parameters.Source).Fetch(seed, parameters, run, files.Add);
        var users = tracks.User.Distinct().ToList();
        if (users.Count < 2)
        {
            throw BadInput.TooFewUsers("fetch", users);
        }
        log($"{tracks.RowCount} songs from {users.Count} people ({string.Join(", ", users.Select(u => $"{u}: {tracks.User.Count(x => x == u)}"))})");
        summary ??= Summarise(parameters, tracks, files);
        TrackStore.Write(tracks, run.TracksOutput);
        summary.Save(run.SummaryOutput);
    }

    /// <summary>The demo's and the files' summary: each person's songs, and each file's rows and bad rows.</summary>
    private static FetchSummary Summarise(FetchParams parameters, TrackTable tracks, List<FileSummary> files) => new()
    {
        Source = parameters.Source,
        MissingFeatures = [],
        Users = new SortedDictionary<string, UserSummary>(tracks.User.GroupBy(u => u).ToDictionary(g => g.Key, g => new UserSummary
        {
            From = parameters.Source == Sources.DemoSourceKind.KindName ? Sources.DemoSourceKind.KindName : parameters.Csv.File ?? parameters.Users[g.Key].File!,
            Listed = g.Count(),
            LocalFiles = 0,
            Episodes = 0,
            Unavailable = 0,
            Duplicates = 0,
            WithoutFeatures = 0,
            WithoutAnalysis = 0,
            Songs = g.Count(),
        }), StringComparer.Ordinal),
        Files = [.. files.OrderBy(f => f.File, StringComparer.Ordinal)],
    };
}
