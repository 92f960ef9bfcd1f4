using System.Globalization;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>The closing table of every run: stage, Ran / Skipped / Restored / Failed, duration.</summary>
internal static class SummaryView
{
    public static void Show(RunResult result, IAnsiConsole console, Verbosity verbosity)
    {
        var table = new Table().AddColumn("Stage").AddColumn("Result").AddColumn(new TableColumn("Duration").RightAligned());
        foreach (var stage in result.Stages)
        {
            table.AddRow(
                new Text(stage.Stage),
                new Markup(Styled(stage.Outcome)),
                new Text(stage.Duration.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture)));
        }
        if (verbosity > Verbosity.Quiet || result.ExitCode != 0)
        {
            console.Write(table);
        }
    }

    private static string Styled(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Ran => "[yellow]Ran[/]",
        StageOutcome.Skipped => "[green]Skipped[/]",
        StageOutcome.Restored => "[blue]Restored[/]",
        StageOutcome.Failed => "[red]Failed[/]",
        _ => "[grey]Not run[/]",
    };
}
