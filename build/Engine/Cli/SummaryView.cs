using System.Globalization;
using System.Text;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The closing table of every run: stage, Ran / Skipped / Restored / Failed, duration. Drawn as plain
/// text because it prints on every run, including the no-op ones whose start-up time matters.
/// </summary>
internal static class SummaryView
{
    public static void Show(RunResult result, IAnsiConsole console, Verbosity verbosity)
    {
        if (verbosity == Verbosity.Quiet && result.ExitCode == 0)
        {
            return;
        }
        string[] header = ["Stage", "Result", "Duration"];
        var rows = result.Stages.Select(s => new[]
        {
            s.Stage, Label(s.Outcome), s.Duration.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Rule(text, widths, '┌', '┬', '┐');
        Row(text, header, widths);
        Rule(text, widths, '├', '┼', '┤');
        foreach (var row in rows)
        {
            Row(text, row, widths);
        }
        Rule(text, widths, '└', '┴', '┘');
        console.Profile.Out.Writer.Write(text.ToString());
    }

    public static string Label(StageOutcome outcome) => outcome == StageOutcome.NotRun ? "Not run" : outcome.ToString();

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
