using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The sweep's progress, one line a change (they read the same on a terminal and in a log): a point started, a point
/// ended (how, in how long, its headline metric or its log), then the counts: queued, running, done, failed, elapsed,
/// and an estimate of the time left.
/// </summary>
internal sealed class SweepProgress(string sweep, int total, string? metric, Action<string> writeLine) : ISweepView
{
    // Labels come from the command line or a file, errors from a point's output: text, never terminal controls.
    private readonly Action<string> write = line => writeLine(Cli.TerminalText.Safe(line));

    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int running, done, failed, ranHere;

    public void Around(Action body) => body();

    public void Say(string line)
    {
        lock (gate)
        {
            write(line);
        }
    }

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
            ranHere++;
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
            write($"sweep {sweep}: {Counts(done, failed, running, total, clock.Elapsed, ranHere)}");
        }
    }

    /// <summary>"3 done, 1 failed, 2 running, 10 queued of 16 (12.0 s, about 40.0 s left)".</summary>
    public static string Counts(int done, int failed, int running, int total, TimeSpan elapsed, int ranHere)
    {
        var queued = total - done - failed - running;
        // Points end at the rate they have ended in this run so far (that rate already counts the points side by side).
        var left = ranHere == 0 || queued + running == 0 ? "" : $", about {Seconds(elapsed / ranHere * (queued + running))} left";
        return string.Create(CultureInfo.InvariantCulture, $"{done} done, {failed} failed, {running} running, {queued} queued of {total} ({Seconds(elapsed)}{left})");
    }

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
