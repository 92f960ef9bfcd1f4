using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch.Sources;

/// <summary>fetch.source: csv, one export per person (or one file with a column naming the person).</summary>
public sealed class CsvSourceKind : ISource
{
    public const string KindName = "csv";

    public string Name => KindName;

    public bool AlwaysChanged => false;

    public IReadOnlyList<string> Files(FetchParams parameters) => parameters.Csv.File is { } single ? [single]
        : parameters.Users.Values.Select(u => u.File!).Where(f => f is not null).Distinct().Order(StringComparer.Ordinal).ToList();

    public string Describe(FetchSummary? summary) => "csv: " + string.Join(", ", summary?.Files.Select(f => f.File) ?? []);

    public (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted)
    {
        if (parameters.Csv.File is { } single)
        {
            var table = TrackImporter.Import(RawTableReader.Read(run.Resolve(single), single), null, parameters.Csv.LabelColumn,
                parameters.Users.Keys, parameters.MaxBadRows, run.Log, run.Phases, counted);
            foreach (var user in parameters.Users.Keys.Where(u => !table.User.Contains(u)))
            {
                throw BadInput.NoTracks(user, single);
            }
            return (table.Sorted().WithoutDuplicates(), null);
        }
        var parts = new List<TrackTable>();
        foreach (var (user, settings) in parameters.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var part = TrackImporter.Import(RawTableReader.Read(run.Resolve(settings.File!), settings.File!), user, null, [], parameters.MaxBadRows,
                run.Log, run.Phases, counted);
            if (part.RowCount == 0)
            {
                throw BadInput.NoTracks(user, settings.File!);
            }
            parts.Add(part);
        }
        return (TrackTable.Concat(parts).Sorted().WithoutDuplicates(), null);
    }
}
