using System.Collections.Concurrent;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// Carries out a sweep: the points an earlier run of it finished are taken from their results; the others are given
/// their own workspace and run by the executor, each taken in (<see cref="PointCollector"/>) the moment it ends, so a
/// killed sweep loses no finished point.
/// </summary>
internal sealed class SweepRunner(Workspace user, SweepFolder folder, string target, PointCollector collector, ISweepView progress)
{
    /// <summary>
    /// With a shared remote: each point takes from it what a colleague, CI or another sweep already ran (--pull), and
    /// publishes what it ran (Push) for them.
    /// </summary>
    public bool Remote { get; init; }

    public IReadOnlyList<PointResult> Run(IReadOnlyList<(SweepPoint Point, StageGraph Graph)> points, ISweepExecutor executor)
    {
        var results = new ConcurrentDictionary<int, PointResult>();
        foreach (var (point, _) in points)
        {
            if (folder.Read(point) is { } earlier)
            {
                results[point.Index] = earlier;
            }
        }
        progress.Earlier(results.Count);
        var graphs = points.ToDictionary(p => p.Point.Index, p => p.Graph);
        var jobs = points.Where(p => !results.ContainsKey(p.Point.Index))
            .Select(p => new PointJob(p.Point, folder.PointDir(p.Point.Index), folder.LogOf(p.Point.Index), Arguments(p.Point)) { Then = Remote ? ["--target=Push"] : [] }).ToList();
        progress.Around(() => executor.Run(jobs, new PointEvents(
            Prepare: job => PointWorkspace.Create(user, graphs[job.Point.Index], job.Folder, progress.Say),
            Started: job => progress.Started(job.Point),
            Finished: run =>
            {
                var result = Collect(run);
                results[run.Job.Point.Index] = result;
                progress.Finished(result);
            })));
        return [.. points.Select(p => results.TryGetValue(p.Point.Index, out var r) ? r
            : new PointResult(p.Point, PointStatus.Failed, TimeSpan.Zero, folder.ShownLog(p.Point.Index)) { Error = "the executor ended without running it" })];
    }

    /// <summary>The host's arguments for a point: the whole pipeline, with the point's values as --set.</summary>
    private IReadOnlyList<string> Arguments(SweepPoint point) =>
        [$"--target={target}", .. point.Assignments.SelectMany(a => (string[])["--set", a]), .. Remote ? (string[])["--pull"] : []];

    private PointResult Collect(PointRun run)
    {
        try
        {
            return collector.Collect(run);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Errors.PipelineException)
        {
            return new PointResult(run.Job.Point, PointStatus.Failed, run.Elapsed, folder.ShownLog(run.Job.Point.Index))
            {
                Error = $"its results could not be taken in: {e.Message}",
            };
        }
    }
}
