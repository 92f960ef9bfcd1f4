using System.Globalization;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>Run output: a line per decision, a live bar on a terminal, plain progress lines otherwise.</summary>
/// <remarks>With stages side by side (--jobs), every stage gets plain lines: one live display cannot hold two stages.</remarks>
internal sealed class ConsoleReporter(IAnsiConsole console, TextWriter errors, Verbosity verbosity, bool sideBySide = false) : IRunReporter
{
    public void Notice(string message)
    {
        if (verbosity > Verbosity.Quiet)
        {
            console.WriteLine(message);
        }
    }

    public void Deciding(Stage stage, Decision decision)
    {
        var why = string.Join("; ", decision.Reasons);
        switch (decision)
        {
            case Decision.Skip when verbosity == Verbosity.Verbose:
                console.MarkupLineInterpolated($"[grey]{stage.Key}: up to date[/]");
                break;
            case Decision.Restore when verbosity > Verbosity.Quiet:
                console.MarkupLineInterpolated($"[blue]{stage.Key}: restoring from the run-cache[/] ({why})");
                break;
            case Decision.Run when verbosity > Verbosity.Quiet:
                console.MarkupLineInterpolated($"[yellow]{stage.Key}: running[/] ({why})");
                break;
        }
    }

    public void Running(Stage stage, Action<StageProgress> work)
    {
        if (verbosity > Verbosity.Quiet && !sideBySide && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi)
        {
            console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(live =>
                {
                    var bar = live.AddTask(Markup.Escape(stage.Key), maxValue: 1.0);
                    work(new StageProgress(new Progress<double>(fraction => bar.Value = fraction), new LivePhases(stage.Key, live, bar, console)));
                });
            return;
        }
        var shown = verbosity > Verbosity.Quiet ? console : null;
        work(new StageProgress(new PlainProgress(stage.Key, shown), new PlainPhases(stage.Key, shown)));
    }

    public void Log(Stage stage, string message)
    {
        if (verbosity > Verbosity.Quiet)
        {
            WrappedLines.Write(console, $"  {stage.Key}:", TerminalText.Safe(message, keepNewlines: true));
        }
    }

    public void Warn(string message) => errors.WriteLine(TerminalText.Warning(message));

    public void Finished(StageResult result)
    {
    }

    /// <summary>Prints each tenth of the way, synchronously, so lines keep their order in logs.</summary>
    private sealed class PlainProgress(string stage, IAnsiConsole? console) : IProgress<double>
    {
        private int lastTenth;

        public void Report(double value)
        {
            var tenth = (int)Math.Floor(Math.Clamp(value, 0, 1) * 10);
            if (console is null || tenth <= lastTenth)
            {
                return;
            }
            lastTenth = tenth;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: {tenth * 10}%"));
        }
    }
}
