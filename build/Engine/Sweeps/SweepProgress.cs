using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The sweep's progress, one line a change (they read the same on a terminal and in a log): a point started, a point
/// ended (how, in how long, its headline metric or its log), then the counts: queued, running, done, failed, elapsed,
/// and an estimate of the time left.
/// </summary>
internal sealed class SweepProgress(string sweep, int total, string? metric, Action<string> write)
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int running, done, failed;

    /// <summary>Points an earlier run of this sweep finished: counted as done, said in one line.</summary>
    public void Earlier(int count)
    {
        if (count == 0)
        {
            return;
        }
        lock (gate)
        {
            done += count;
            write(string.Create(CultureInfo.InvariantCulture, $"sweep {sweep}: {count} point(s) done by an earlier run of this sweep (taken from its results, nothing rerun)"));
        }
    }

    public void Started(SweepPoint point)
    {
        lock (gate)
        {
            running++;
            write($"sweep {sweep}: point {point.Index} started: {point.Label}");
        }
    }

    public void Finished(PointResult result)
    {
        lock (gate)
        {
            running--;
            if (result.Status == PointStatus.Failed)
            {
                failed++;
                write($"sweep {sweep}: point {result.Point.Index} FAILED after {Seconds(result.Elapsed)}: {result.Error}; its log: {result.Log}");
            }
            else
            {
                done++;
                var shown = metric is not null && result.Metrics.TryGetValue(metric, out var value) ? $": {metric} {value.ToString("0.000", CultureInfo.InvariantCulture)}" : "";
                var how = result.Status == PointStatus.Earlier ? "done by an earlier run" : $"done in {Seconds(result.Elapsed)}";
                write($"sweep {sweep}: point {result.Point.Index} {how}{shown}");
            }
            var queued = total - done - failed - running;
            var finished = done + failed;
            // Points end at the rate they have ended so far (that rate already counts the points running side by side).
            var left = finished == 0 || queued + running == 0 ? "" : $", about {Seconds(clock.Elapsed / finished * (queued + running))} left";
            write(string.Create(CultureInfo.InvariantCulture, $"sweep {sweep}: {done} done, {failed} failed, {running} running, {queued} queued of {total} ({Seconds(clock.Elapsed)}{left})"));
        }
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
