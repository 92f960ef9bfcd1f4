using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>A live bar per phase on a terminal, with its count and elapsed time; a line when a phase completes.</summary>
internal sealed class LivePhases(string stage, ProgressContext live, ProgressTask stageBar, IAnsiConsole console) : IProgress<(string Phase, long Done, long Total)>
{
    private readonly Dictionary<string, (ProgressTask Bar, Stopwatch Clock)> phases = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Report((string Phase, long Done, long Total) value)
    {
        lock (gate)
        {
            if (!phases.TryGetValue(value.Phase, out var phase))
            {
                // The phases say more than the stage's own bar: hide it.
                stageBar.StopTask();
                phase = (live.AddTask(Markup.Escape(value.Phase)), Stopwatch.StartNew());
                phases[value.Phase] = phase;
            }
            if (phase.Bar.IsFinished)
            {
                return;
            }
            var known = value.Total > 0;
            phase.Bar.IsIndeterminate = !known;
            phase.Bar.MaxValue = known ? value.Total : 1;
            phase.Bar.Value = known ? Math.Min(value.Done, value.Total) : 0;
            var left = PhaseLine.Left(value.Done, value.Total, phase.Clock.Elapsed);
            phase.Bar.Description = Markup.Escape($"{stage}: {PhaseLine.Count(value.Phase, value.Done, value.Total)}{(left is null ? "" : $" ({left})")}");
            if (known && value.Done >= value.Total)
            {
                phase.Bar.StopTask();
                WrappedLines.Write(console, $"  {stage}:", PhaseLine.Finished(value.Phase, value.Done, phase.Clock.Elapsed));
            }
        }
    }
}

/// <summary>
/// Plain lines for logs and pipes: when a phase completes, with its elapsed time, and on the way at most one
/// line a second (at a new tenth), so a long phase shows it is alive without flooding the log.
/// </summary>
internal sealed class PlainPhases(string stage, IAnsiConsole? console) : IProgress<(string Phase, long Done, long Total)>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietUncounted = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (int Tenth, Stopwatch Clock, TimeSpan Shown)> phases = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Report((string Phase, long Done, long Total) value)
    {
        if (console is null)
        {
            return;
        }
        lock (gate)
        {
            if (!phases.TryGetValue(value.Phase, out var phase))
            {
                phase = (0, Stopwatch.StartNew(), TimeSpan.Zero);
                if (value.Total <= 0 || value.Done < value.Total)
                {
                    // A phase that will take a while says so when it starts, not only when it ends.
                    console.WriteLine($"  {stage}: {PhaseLine.Count(value.Phase, value.Done, value.Total)}");
                }
            }
            var tenth = value.Total <= 0 ? 0 : (int)Math.Min(10, value.Done * 10 / value.Total);
            var elapsed = phase.Clock.Elapsed;
            if (tenth == 10 && phase.Tenth < 10)
            {
                console.WriteLine($"  {stage}: {PhaseLine.Finished(value.Phase, value.Done, elapsed)}");
                phase = (10, phase.Clock, elapsed);
            }
            else if ((tenth > phase.Tenth && elapsed - phase.Shown >= Quiet) || (value.Total <= 0 && elapsed - phase.Shown >= QuietUncounted))
            {
                var left = PhaseLine.Left(value.Done, value.Total, elapsed);
                console.WriteLine($"  {stage}: {PhaseLine.Count(value.Phase, value.Done, value.Total)} ({PhaseLine.Seconds(elapsed)}{(left is null ? "" : $", {left}")})");
                phase = (tenth, phase.Clock, elapsed);
            }
            phases[value.Phase] = phase;
        }
    }
}

internal static class PhaseLine
{
    public static string Count(string phase, long done, long total) =>
        total > 0 ? string.Create(CultureInfo.InvariantCulture, $"{phase} {done:N0}/{total:N0}") : string.Create(CultureInfo.InvariantCulture, $"{phase} {done:N0}");

    public static string Finished(string phase, long done, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{phase}: {done:N0} in {Seconds(elapsed)}");

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);

    /// <summary>"about 12 s left", from the pace so far; null until a second has passed and some of a counted phase is done.</summary>
    public static string? Left(long done, long total, TimeSpan elapsed)
    {
        if (total <= 0 || done <= 0 || done >= total || elapsed < TimeSpan.FromSeconds(1))
        {
            return null;
        }
        var seconds = elapsed.TotalSeconds * (total - done) / done;
        return seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(seconds):0} s left")
            : string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(seconds / 60):0} min left");
    }
}
