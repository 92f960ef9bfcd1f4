using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch;

/// <summary>The Fetch stage: everyone's liked songs from the configured source, into data/raw/tracks.parquet.</summary>
public static class Fetcher
{
    /// <summary>The files the csv source reads (relative to the workspace): the stage's deps.</summary>
    public static IReadOnlyList<string> SourceFiles(FetchParams parameters) => parameters.Source != "csv" ? []
        : parameters.Csv.File is { } single ? [single]
        : parameters.Users.Values.Select(u => u.File!).Where(f => f is not null).Distinct().Order(StringComparer.Ordinal).ToList();

    public static void Fetch(int seed, FetchParams parameters, Func<string, string> resolve, string output, IProgress<double> progress, Action<string> log)
    {
        var tracks = parameters.Source switch
        {
            "demo" => DemoSource.Generate(seed, parameters.Users, parameters.Demo, progress),
            "csv" => FromFiles(parameters, resolve, log),
            _ => throw BadInput.SourceNotAvailable(parameters.Source),
        };
        var users = tracks.User.Distinct().ToList();
        if (users.Count < 2)
        {
            throw BadInput.TooFewUsers("fetch", users);
        }
        log($"{tracks.RowCount} songs from {users.Count} people ({string.Join(", ", users.Select(u => $"{u}: {tracks.User.Count(x => x == u)}"))})");
        TrackStore.Write(tracks, output);
    }

    private static TrackTable FromFiles(FetchParams parameters, Func<string, string> resolve, Action<string> log)
    {
        if (parameters.Csv.File is { } single)
        {
            var table = TrackImporter.Import(RawTableReader.Read(resolve(single), single), null, parameters.Csv.LabelColumn,
                parameters.Users.Keys, parameters.MaxBadRows, log);
            foreach (var user in parameters.Users.Keys.Where(u => !table.User.Contains(u)))
            {
                throw BadInput.NoTracks(user, single);
            }
            return table.Sorted().WithoutDuplicates();
        }
        var parts = new List<TrackTable>();
        foreach (var (user, settings) in parameters.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var part = TrackImporter.Import(RawTableReader.Read(resolve(settings.File!), settings.File!), user, null, [], parameters.MaxBadRows, log);
            if (part.RowCount == 0)
            {
                throw BadInput.NoTracks(user, settings.File!);
            }
            parts.Add(part);
        }
        return TrackTable.Concat(parts).Sorted().WithoutDuplicates();
    }
}
