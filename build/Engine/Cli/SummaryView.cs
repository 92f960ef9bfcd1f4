using System.Globalization;
using System.Text;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The closing table of every run: stage, Ran / Skipped / Restored / Failed, duration, and a Total row. Drawn
/// as plain text because it prints on every run, including the no-op ones whose start-up time matters.
/// </summary>
internal static class SummaryView
{
    public static void Show(RunResult result, IAnsiConsole console, Verbosity verbosity)
    {
        if (verbosity == Verbosity.Quiet && result.ExitCode == 0)
        {
            return;
        }
        console.Profile.Out.Writer.Write(Render(result.Stages, Counts(result.Stages), result.Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration)));
    }

    /// <summary>The table for a command answered from the up-to-date stamp: every stage skipped, checked in <paramref name="checkedIn"/>.</summary>
    public static string RenderUpToDate(IEnumerable<string> stages, TimeSpan checkedIn) =>
        Render([.. stages.Select(s => new StageResult(s, StageOutcome.Skipped, TimeSpan.Zero))], "all up to date", checkedIn);

    public static string Label(StageOutcome outcome) => outcome == StageOutcome.NotRun ? "Not run" : outcome.ToString();

    private static string Counts(IReadOnlyList<StageResult> stages) =>
        string.Join(", ", stages.GroupBy(s => s.Outcome).OrderBy(g => g.Key).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {Label(g.Key).ToLowerInvariant()}")));

    private static string Render(IReadOnlyList<StageResult> stages, string total, TimeSpan totalDuration)
    {
        string[] header = ["Stage", "Result", "Duration"];
        var rows = stages.Select(s => new[] { s.Stage, Label(s.Outcome), Seconds(s.Duration) }).ToList();
        string[] footer = ["Total", total, Seconds(totalDuration)];
        var widths = header.Select((h, i) => rows.Append(footer).Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Rule(text, widths, '┌', '┬', '┐');
        Row(text, header, widths);
        Rule(text, widths, '├', '┼', '┤');
        foreach (var row in rows)
        {
            Row(text, row, widths);
        }
        Rule(text, widths, '├', '┼', '┤');
        Row(text, footer, widths);
        Rule(text, widths, '└', '┴', '┘');
        return text.ToString();
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture);

    private static void Rule(StringBuilder text, int[] widths, char left, char middle, char right) =>
        text.Append(left).AppendJoin(middle, widths.Select(w => new string('─', w + 2))).Append(right).Append('\n');

    private static void Row(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('│');
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = i == cells.Length - 1 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            text.Append(' ').Append(cell).Append(" │");
        }
        text.Append('\n');
    }
}
