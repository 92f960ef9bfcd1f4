using System.Globalization;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// A point's end, taken in: a point that succeeded gives its experiment (kept in the user's experiments, marked with the
/// sweep), its metrics and their intervals (written to results/N.json), and its workspace is removed; a failed one keeps
/// its log and says its last error line.
/// </summary>
internal sealed class PointCollector(SweepFolder sweep, ExperimentStore userExperiments, IReadOnlyList<string> metricFiles, Action<string> warn)
{
    public PointResult Collect(PointRun run)
    {
        var point = run.Job.Point;
        var log = sweep.ShownLog(point.Index);
        if (run.ExitCode != 0)
        {
            return Failed(run, ErrorOf(run));
        }
        var workspace = new Workspace(run.Job.Folder);
        var experiment = new ExperimentStore(workspace.ExperimentsDir, warn).All().FirstOrDefault();
        if (experiment is null)
        {
            return Failed(run, "the point's run ended without recording an experiment");
        }
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var intervals = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var file in metricFiles.Select(f => Path.Combine(workspace.Root, f)).Where(File.Exists))
        {
            var rows = MetricsFlattener.Flatten(File.ReadAllText(file), file).Where(r => r.Value.Number is not null).ToDictionary(r => r.Key, r => r.Value.Number!.Value);
            foreach (var (key, value) in rows.Where(r => MetricsFlattener.IsHeadline(r.Key)))
            {
                metrics.TryAdd(key, value);
                if (rows.TryGetValue($"{key}_ci.low", out var low) && rows.TryGetValue($"{key}_ci.high", out var high))
                {
                    intervals.TryAdd(key, [low, high]);
                }
            }
        }
        var result = new PointResult(point, PointStatus.Done, run.Elapsed, log) { Experiment = experiment.Id, Metrics = metrics, Intervals = intervals };
        userExperiments.RecordForSweep(experiment, sweep.Id);
        sweep.Write(result);
        Directory.Delete(run.Job.Folder, recursive: true);
        return result;
    }

    private PointResult Failed(PointRun run, string error) =>
        new(run.Job.Point, PointStatus.Failed, run.Elapsed, sweep.ShownLog(run.Job.Point.Index))
        {
            Error = run.Where is null ? error : $"{run.Where}: {error}",
        };

    /// <summary>The last "error: ..." line of the log; else the exit code (and the signal behind it) with the log's last line.</summary>
    private static string ErrorOf(PointRun run)
    {
        var lines = File.Exists(run.Job.Log) ? File.ReadAllLines(run.Job.Log).Where(l => l.Trim().Length > 0).ToList() : [];
        if (lines.LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)) is { } error)
        {
            return error["error:".Length..].Trim();
        }
        var signal = run.ExitCode switch { 130 => " (SIGINT)", 137 => " (SIGKILL)", 143 => " (SIGTERM)", _ => "" };
        var last = lines.Count > 1 ? $"; its last line: {lines[^1].Trim()}" : "";
        return $"the point's run ended with exit code {run.ExitCode.ToString(CultureInfo.InvariantCulture)}{signal}{last}";
    }
}
