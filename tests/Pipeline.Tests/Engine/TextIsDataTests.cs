using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Tasks;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>Text is data everywhere: revisions are never git options, table cells are never Markdown or HTML, and params errors speak params.</summary>
public sealed class TextIsDataTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 60));

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("--target=MetricsDiff")]
    [InlineData("--target=ParamsDiff")]
    [InlineData("--target=Report")]
    public void A_revision_that_starts_with_a_dash_is_refused_before_git_sees_it(string target)
    {
        var marker = Path.Combine(workspace.Root, "git-wrote-this");

        var run = workspace.Run(target, $"--rev=--output={marker}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--rev --output={marker}: not a revision", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(workspace.Exists("data"));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("`rm -rf`", "\\`rm -rf\\`")]
    [InlineData("[click](https://example.com)", "[click]\\(https://example.com)")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("evil\u202Eeman", "evileman")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("train.mlp.layers[0].units", "train.mlp.layers[0].units")]
    public void A_markdown_table_cell_is_shown_as_text(string given, string shown)
    {
        var table = MarkdownTable.Render(["Param", "Value"], [[given, "1"]]);

        Assert.Equal($"| Param | Value |\n|---|---|\n| {shown} | 1 |\n", table);
    }

    [Theory]
    [InlineData("  model: [mlp]", "params.yaml:", "'train.model': a list is given; 'train.model' takes a word")]
    [InlineData("  model: {a: 1}", "params.yaml:", "'train.model': a map is given; 'train.model' takes a word")]
    public void A_value_of_the_wrong_shape_in_the_file_names_the_key_what_was_given_and_what_is_allowed(string line, string file, string message)
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 60) + "train:\n" + line + "\n");

        var run = workspace.Run("--dryrun");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file, run.Err, StringComparison.Ordinal);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train.model=[mlp]", "a list is given; 'train.model' takes a word")]
    [InlineData("train.mlp.epochs={a: 1}", "a map is given; 'train.mlp.epochs' takes a whole number")]
    [InlineData("train.mlp.epoch=5", "unknown key (did you mean train.mlp.epochs?)")]
    [InlineData("trian.model=mlp", "unknown key (did you mean train?)")]
    public void A_set_value_of_the_wrong_shape_or_key_says_so_in_params_words(string assignment, string message)
    {
        var run = workspace.Run("--dryrun", "--set", assignment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--set {assignment}: {message}", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_key_in_the_file_gets_a_did_you_mean()
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 60).Replace("seed:", "sead:", StringComparison.Ordinal));

        var run = workspace.Run("--dryrun");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("params.yaml:1:1: unknown key 'sead' (did you mean seed?)", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_that_declares_a_params_key_the_params_do_not_have_is_an_error_at_discovery()
    {
        var error = Assert.Throws<PipelineException>(() => TaskBinder.Discover<DiscoveryParams>(typeof(DiscoveryParams).Assembly));

        Assert.Contains("task Misnamed declares [Params(\"trian\")], which params.yaml has no key for (its sections: seed, train)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }
}

/// <summary>A params type used by one discovery test only.</summary>
public sealed class DiscoveryParams
{
    public int Seed { get; set; }

    public DiscoveryTrain Train { get; set; } = new();
}

public sealed class DiscoveryTrain
{
    public int Epochs { get; set; }
}

[Params("trian")]
[TaskName("Misnamed")]
public sealed class MisnamedTask : PipelineTask<DiscoveryParams>
{
    public override IReadOnlyList<string> Outs(DiscoveryParams parameters) => ["out.txt"];

    public override void Run(StageContext<DiscoveryParams> context)
    {
    }
}
