using Pipeline.Engine.Cli;
using Pipeline.Engine.Sweeps;
using Spectre.Console;

namespace Pipeline.Tests.Sweeps;

/// <summary>What a sweep shows while it runs: the live table on a terminal, the lines in a log; outside text stays text.</summary>
public sealed class SweepViewTests
{
    private static readonly SweepPoint First = new(0, [new("train.model", "mlp")]);
    private static readonly SweepPoint Second = new(1, [new("train.model", "logistic\u001b[2J")]);

    [Fact]
    public void The_live_table_shows_running_done_and_failed_points_with_the_counts_and_the_time_left()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 160;
        var view = new SweepLiveView(console, "0123abcd", 3, "auc");

        view.Around(() =>
        {
            view.Started(First);
            view.Started(Second);
            view.Finished(new PointResult(First, PointStatus.Done, TimeSpan.FromSeconds(2), "log0") { Metrics = new Dictionary<string, double> { ["auc"] = 0.75 } });
            view.Say("Submitted Slurm job 7: 3 point(s) as array tasks 0-2");
        });
        var plain = new StringWriter();
        var still = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(plain), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        still.Profile.Width = 160;
        still.Write(view.Render());

        var table = plain.ToString();
        Assert.Contains("Sweep 0123abcd", table, StringComparison.Ordinal);
        Assert.Matches(@"│ 1 +│ train\.model=logistic<U\+001B>\[2J +│ running │", table);
        Assert.Matches(@"│ 0 +│ train\.model=mlp +│ done +│ 2\.0 s │ 0\.750 │", table);
        Assert.Contains("1 done, 0 failed, 1 running, 1 queued of 3 (", table, StringComparison.Ordinal);
        Assert.Contains("s left)", table, StringComparison.Ordinal);
        Assert.Contains("Submitted Slurm job 7", table, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", table, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("running", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_lines_say_each_start_and_end_with_the_counts_and_a_failure_names_its_log()
    {
        var lines = new List<string>();
        var view = new SweepProgress("0123abcd", 3, "auc", lines.Add);

        view.Earlier(1);
        view.Started(Second);
        view.Finished(new PointResult(Second, PointStatus.Failed, TimeSpan.FromSeconds(1.5), ".pipeline/sweeps/0123abcd/logs/1.log") { Error = "Fetch: bad\u001b]0;title\u0007" });

        Assert.Equal("sweep 0123abcd: 1 point(s) done by an earlier run of this sweep (taken from its results, nothing rerun)", lines[0]);
        Assert.StartsWith("sweep 0123abcd: point 1 started: train.model=logistic", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("sweep 0123abcd: point 1 FAILED after 1.5 s: Fetch: bad", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("; its log: .pipeline/sweeps/0123abcd/logs/1.log", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("sweep 0123abcd: 1 done, 1 failed, 0 running, 1 queued of 3 (", lines[3], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain('\u001b', l));
    }
}
