using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Cli;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// A sweep's counts as the views show them: done, failed, running and queued of the total, the time so far, and the
/// time left at the pace points have ended in this run. Not thread-safe: its view holds its own lock.
/// </summary>
internal sealed class SweepTally(int total)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int running, done, failed, ranHere;

    /// <summary>Points an earlier run of this sweep finished: counted as done, not in the pace.</summary>
    public void Earlier(int count) => done += count;

    public void Started() => running++;

    public void Finished(PointResult result)
    {
        running--;
        ranHere++;
        _ = result.Status == PointStatus.Failed ? failed++ : done++;
    }

    /// <summary>"3 done, 1 failed, 2 running, 10 queued of 16 (12.0 s, about 40.0 s left)".</summary>
    public override string ToString()
    {
        var queued = total - done - failed - running;
        // Points end at the rate they have ended in this run so far (that rate already counts the points side by side).
        var left = ranHere == 0 || queued + running == 0 ? "" : $", about {PhaseLine.Seconds(clock.Elapsed / ranHere * (queued + running))} left";
        return string.Create(CultureInfo.InvariantCulture, $"{done} done, {failed} failed, {running} running, {queued} queued of {total} ({PhaseLine.Seconds(clock.Elapsed)}{left})");
    }
}
