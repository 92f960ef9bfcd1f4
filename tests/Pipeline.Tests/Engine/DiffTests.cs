using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>MetricsDiff and ParamsDiff against a real git revision.</summary>
public sealed class DiffTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public DiffTests()
    {
        Git.Run(workspace.Root, "init", "-q");
        workspace.Run();
        Git.Run(workspace.Root, "add", "params.yaml", "reports/metrics.json", "pipeline.lock");
        Git.Run(workspace.Root, "commit", "-q", "-m", "baseline");
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void MetricsDiff_prints_a_markdown_table_of_changed_metrics()
    {
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("repeat: 3", "repeat: 5", StringComparison.Ordinal));
        workspace.Run();

        var diff = workspace.Run("--target=MetricsDiff", "--rev=HEAD");

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("| Path | Metric | HEAD | workspace | Change |", diff.Out, StringComparison.Ordinal);
        Assert.Contains("| reports/metrics.json | lines | 5 | 7 | +2 |", diff.Out, StringComparison.Ordinal);
        Assert.Contains("| reports/metrics.json | chars | 40 | 58 | +18 |", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ParamsDiff_compares_what_the_stages_ran_with_and_names_an_edit_not_run_yet()
    {
        var unchanged = workspace.Run("--target=ParamsDiff");
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("repeat: 3", "repeat: 5", StringComparison.Ordinal));
        var notRun = workspace.Run("--target=ParamsDiff", "--rev=main");
        workspace.Run();

        var diff = workspace.Run("--target=ParamsDiff", "--rev=main");

        Assert.Contains("No params changed since HEAD.", unchanged.Out, StringComparison.Ordinal);
        Assert.Contains("No params changed since main.", notRun.Out, StringComparison.Ordinal);
        Assert.Contains("params.yaml and pipeline.lock differ in make.repeat", notRun.Out, StringComparison.Ordinal);
        Assert.True(diff.Out.Contains("| Param | main | workspace | Stages |", StringComparison.Ordinal), diff.ToString());
        Assert.Contains("| make.repeat | 3 | 5 | make |", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_git_repository_or_without_the_file_at_the_revision_the_diffs_say_so()
    {
        using var loose = new FakeWorkspace();
        loose.Run();
        Git.Run(workspace.Root, "rm", "-q", "--cached", "reports/metrics.json");
        Git.Run(workspace.Root, "commit", "-q", "-m", "no metrics");

        var outside = loose.Run("--target=MetricsDiff");
        var absent = workspace.Run("--target=MetricsDiff");

        Assert.Equal((2, 2), (outside.ExitCode, absent.ExitCode));
        Assert.Contains("cannot read from git", outside.Err, StringComparison.Ordinal);
        Assert.Contains("reports/metrics.json is not in HEAD: nothing to compare with", absent.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_git_does_not_know_is_a_clear_error()
    {
        var diff = workspace.Run("--target=MetricsDiff", "--rev=no-such-branch");

        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("cannot read from git", diff.Err, StringComparison.Ordinal);
    }
}
