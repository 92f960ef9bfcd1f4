using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// A sweep's state under .pipeline/sweeps/ID: points/N (a point's workspace while it runs), logs/N.log (its whole
/// output, kept), results/N.json (written atomically when it finished: what a rerun of the sweep takes instead of
/// running it again).
/// </summary>
internal sealed class SweepFolder(Workspace user, string id)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Id => id;

    public string Root => Path.Combine(user.StateDir, "sweeps", id);

    public string PointDir(int index) => Path.Combine(Root, "points", index.ToString(CultureInfo.InvariantCulture));

    public string LogOf(int index) => Path.Combine(Root, "logs", $"{index.ToString(CultureInfo.InvariantCulture)}.log");

    /// <summary>The log as the user's workspace names it, for messages.</summary>
    public string ShownLog(int index) => Path.GetRelativePath(user.Root, LogOf(index));

    private string ResultOf(int index) => Path.Combine(Root, "results", $"{index.ToString(CultureInfo.InvariantCulture)}.json");

    private string PointsFile => Path.Combine(Root, "points.json");

    /// <summary>The sweep's points, kept so --collect (and later views) know them without the command line.</summary>
    public void SavePoints(IEnumerable<SweepPoint> points)
    {
        Directory.CreateDirectory(Root);
        AtomicFile.WriteAllText(PointsFile, JsonSerializer.Serialize(points.Select(p => p.Sets.Select(s => new[] { s.Key, s.Value }).ToList()).ToList(), Json));
    }

    /// <summary>The points an earlier run of this sweep kept; null when the sweep is not known here.</summary>
    public IReadOnlyList<SweepPoint>? LoadPoints()
    {
        if (!File.Exists(PointsFile))
        {
            return null;
        }
        List<List<string[]>>? sets;
        try
        {
            sets = JsonSerializer.Deserialize<List<List<string[]>>>(File.ReadAllText(PointsFile));
        }
        catch (JsonException)
        {
            sets = null;
        }
        if (sets is null || sets.Any(point => point is null || point.Any(kv => kv is not { Length: 2 })))
        {
            throw new Errors.PipelineException($"sweep {id}: {Path.GetRelativePath(user.Root, PointsFile)} is damaged; run the sweep again with its --set or --sweep",
                Errors.ExitCodes.BadUsage);
        }
        return [.. sets.Select((point, i) => new SweepPoint(i, [.. point.Select(kv => new KeyValuePair<string, string>(kv[0], kv[1]))]))];
    }

    public void Write(PointResult result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ResultOf(result.Point.Index))!);
        var record = new StoredResult(result.Point.Label, result.Experiment ?? "", new(result.Metrics.ToDictionary(), StringComparer.Ordinal),
            new(result.Intervals.ToDictionary(), StringComparer.Ordinal), result.Elapsed.TotalSeconds);
        AtomicFile.WriteAllText(ResultOf(result.Point.Index), JsonSerializer.Serialize(record, Json));
    }

    /// <summary>The point's result from an earlier run of this sweep; null when it has none (or a damaged one: it runs again).</summary>
    public PointResult? Read(SweepPoint point)
    {
        var path = ResultOf(point.Index);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var stored = JsonSerializer.Deserialize<StoredResult>(File.ReadAllText(path));
            // A damaged or foreign result (another label, no experiment, an interval that is not two numbers) runs again.
            return stored is null || stored.Label != point.Label || stored.Experiment.Length == 0 || stored.Intervals.Values.Any(ci => ci is not { Length: 2 }) ? null
                : new PointResult(point, PointStatus.Earlier, TimeSpan.FromSeconds(stored.Seconds), ShownLog(point.Index))
                {
                    Experiment = stored.Experiment,
                    Metrics = stored.Metrics,
                    Intervals = stored.Intervals,
                };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StoredResult(string Label, string Experiment, SortedDictionary<string, double> Metrics, SortedDictionary<string, double[]> Intervals,
        double Seconds);
}
