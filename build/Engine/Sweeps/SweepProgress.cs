using System.Globalization;
using Pipeline.Engine.Cli;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The sweep's progress, one line a change (they read the same on a terminal and in a log): a point started, a point
/// ended (how, in how long, its headline metric or its log), then the counts: queued, running, done, failed, elapsed,
/// and an estimate of the time left.
/// </summary>
internal sealed class SweepProgress(string sweep, int total, string? metric, Action<string> writeLine) : ISweepView
{
    // Labels come from the command line or a file, errors from a point's output: text, never terminal controls.
    private readonly Action<string> write = line => writeLine(TerminalText.Safe(line));

    private readonly Lock gate = new();
    private readonly SweepTally tally = new(total);

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
            tally.Earlier(count);
            write(string.Create(CultureInfo.InvariantCulture, $"sweep {sweep}: {count} point(s) done by an earlier run of this sweep (taken from its results, nothing rerun)"));
        }
    }

    public void Started(SweepPoint point)
    {
        lock (gate)
        {
            tally.Started();
            write($"sweep {sweep}: point {point.Index} started: {point.Label}");
        }
    }

    public void Finished(PointResult result)
    {
        lock (gate)
        {
            tally.Finished(result);
            if (result.Status == PointStatus.Failed)
            {
                write($"sweep {sweep}: point {result.Point.Index} FAILED after {PhaseLine.Seconds(result.Elapsed)}: {result.Error}; its log: {result.Log}");
            }
            else
            {
                var shown = metric is not null && result.Metrics.TryGetValue(metric, out var value) ? $": {metric} {value.ToString("0.000", CultureInfo.InvariantCulture)}" : "";
                write($"sweep {sweep}: point {result.Point.Index} done in {PhaseLine.Seconds(result.Elapsed)}{shown}");
            }
            write($"sweep {sweep}: {tally}");
        }
    }
}
