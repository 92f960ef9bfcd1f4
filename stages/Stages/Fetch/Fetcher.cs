using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>The Fetch stage: everyone's liked songs from the configured source, into data/raw/tracks.parquet.</summary>
public static class Fetcher
{
    /// <summary>Where the spotify source keeps its client credentials and each person's login token.</summary>
    public const string CredentialsFolder = "credentials";

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
        var files = new List<FileSummary>();
        var (tracks, summary) = parameters.Source switch
        {
            "demo" => (DemoSource.Generate(seed, parameters.Users, parameters.Demo, run.Progress), null),
            "csv" => (FromFiles(parameters, run.Resolve, log, run.Phases, files.Add), null),
            "spotify" => SpotifySource.Fetch(parameters, run),
            _ => throw BadInput.SourceNotAvailable(parameters.Source),
        };
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
            From = parameters.Source == "demo" ? "demo" : parameters.Csv.File ?? parameters.Users[g.Key].File!,
            Listed = g.Count(), LocalFiles = 0, Episodes = 0, Unavailable = 0, Duplicates = 0, WithoutFeatures = 0, WithoutAnalysis = 0,
            Songs = g.Count(),
        }), StringComparer.Ordinal),
        Files = [.. files.OrderBy(f => f.File, StringComparer.Ordinal)],
    };

    private static TrackTable FromFiles(FetchParams parameters, Func<string, string> resolve, Action<string> log,
        IProgress<(string Phase, long Done, long Total)> phases, Action<FileSummary> counted)
    {
        if (parameters.Csv.File is { } single)
        {
            var table = TrackImporter.Import(RawTableReader.Read(resolve(single), single), null, parameters.Csv.LabelColumn,
                parameters.Users.Keys, parameters.MaxBadRows, log, phases, counted);
            foreach (var user in parameters.Users.Keys.Where(u => !table.User.Contains(u)))
            {
                throw BadInput.NoTracks(user, single);
            }
            return table.Sorted().WithoutDuplicates();
        }
        var parts = new List<TrackTable>();
        foreach (var (user, settings) in parameters.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var part = TrackImporter.Import(RawTableReader.Read(resolve(settings.File!), settings.File!), user, null, [], parameters.MaxBadRows, log, phases, counted);
            if (part.RowCount == 0)
            {
                throw BadInput.NoTracks(user, settings.File!);
            }
            parts.Add(part);
        }
        return TrackTable.Concat(parts).Sorted().WithoutDuplicates();
    }
}
