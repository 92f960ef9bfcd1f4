using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>The command line a Cake user reaches for: help with every target, aliases, did-you-mean, one --target.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 60));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Help_lists_every_target_with_its_line()
    {
        var run = workspace.Run("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var target in new[] { "Fetch", "Features", "Train", "Embed", "Evaluate", "Report (default)", "Status", "Dag", "Metrics",
                     "MetricsDiff", "ParamsDiff", "Experiments", "Apply", "Gc", "Login", "Predict" })
        {
            Assert.Matches($@"(?m)^\s+{System.Text.RegularExpressions.Regex.Escape(target)}\s+(stage|view|command)\s+\S", run.Out);
        }
        Assert.Contains("-t, --target <TARGET>", run.Out, StringComparison.Ordinal);
        Assert.Contains("-e, --exclusive", run.Out, StringComparison.Ordinal);
        Assert.Contains("-v, --verbosity <LEVEL>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_aliases_work_as_cake_has_them()
    {
        var run = workspace.Run("-t", "Fetch", "-v", "quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.True(workspace.Exists("data/raw/tracks.parquet"));
        Assert.Equal("", run.Out);

        var exclusive = workspace.Run("-t", "Features", "-e");
        Assert.Equal(0, exclusive.ExitCode);
        Assert.Equal(["Features"], exclusive.Outcomes.Keys);
    }

    [Theory]
    [InlineData("--target=Reprot", "unknown target 'Reprot'; did you mean Report?")]
    [InlineData("--target=predcit", "did you mean Predict?")]
    [InlineData("--tagret=Report", "unknown option '--tagret'; did you mean --target?")]
    [InlineData("--verbose", "unknown option '--verbose'; did you mean --verbosity?")]
    [InlineData("--dry-run", "did you mean --dryrun?")]
    public void A_mistyped_target_or_flag_gets_a_did_you_mean(string arg, string expected)
    {
        var run = workspace.Run(arg);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void An_unknown_target_lists_every_target_not_only_the_stages()
    {
        var run = workspace.Run("--target=Nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Targets: Fetch, Features, Train, Embed, Evaluate, Report, Status, Dag", run.Err, StringComparison.Ordinal);
        Assert.Contains("Login, Predict", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_target_is_an_error_not_a_silent_winner()
    {
        var run = workspace.Run("-t", "Report", "--target=Train");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--target is given twice (Report, then Train); give it once", run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void Tree_description_and_version_describe_and_run_nothing()
    {
        var tree = workspace.Run("--target=Train", "--tree");
        Assert.Equal("Train\n└─Features\n  └─Fetch\n", tree.Out.Replace("\r", "", StringComparison.Ordinal));

        var description = workspace.Run("--description");
        Assert.StartsWith("Fetch ", description.Out, StringComparison.Ordinal);
        Assert.Contains("Predict ", description.Out, StringComparison.Ordinal);

        var version = workspace.Run("--version");
        Assert.Matches(@"^pipeline \d+\.\d+\.\d+ \(\.NET \d+", version.Out);
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void The_summary_ends_with_a_total_row_and_a_no_op_is_answered_from_the_stamp()
    {
        var first = workspace.Run("--target=Features");
        Assert.Matches(@"│ Total +│ 2 ran +│ +\d+\.\d{3} s │", first.Out);

        var again = workspace.Run("--target=Features");
        Assert.Equal("Skipped", again.Outcome("Fetch"));
        Assert.Contains("all up to date", again.Out, StringComparison.Ordinal);

        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 61));
        var changed = workspace.Run("--target=Features");
        Assert.Equal("Ran", changed.Outcome("Fetch"));
        Assert.DoesNotContain("all up to date", changed.Out, StringComparison.Ordinal);
    }
}
