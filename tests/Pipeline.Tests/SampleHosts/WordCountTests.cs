using Pipeline.Engine.Cli;
using Pipeline.Tests.Harness;
using WordCount;

namespace Pipeline.Tests.SampleHosts;

/// <summary>The sample host (samples/WordCount, engine only) through the real CLI: the engine works for a pipeline it was not written for.</summary>
public sealed class WordCountTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("wordcount-").FullName;

    public WordCountTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "texts"));
        File.WriteAllText(Path.Combine(root, "texts", "a.txt"), "The cat sat on the mat. The end.\n");
        File.WriteAllText(Path.Combine(root, "texts", "b.txt"), "A cat, a hat, the cat.\n");
        File.WriteAllText(Path.Combine(root, "params.yaml"), "count:\n  min_length: 3\ntop:\n  n: 2\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void It_runs_skips_reruns_only_what_a_param_change_touches_and_restores_from_the_cache()
    {
        var first = Run();
        var again = Run();
        var changed = Run("--set", "top.n=3");
        var reverted = Run();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(("Ran", "Ran"), (first.Outcome("Count"), first.Outcome("Top")));
        Assert.Equal("| Word | Count |\n|---|---:|\n| the | 4 |\n| cat | 3 |\n", File.ReadAllText(Path.Combine(root, "out", "top.md")));
        Assert.Equal(("Skipped", "Skipped"), (again.Outcome("Count"), again.Outcome("Top")));
        Assert.Equal(("Skipped", "Ran"), (changed.Outcome("Count"), changed.Outcome("Top")));
        Assert.Equal(("Skipped", "Restored"), (reverted.Outcome("Count"), reverted.Outcome("Top")));
        Assert.Contains("top.n: 2", File.ReadAllText(Path.Combine(root, "pipeline.lock")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_text_reruns_both_stages_and_status_says_why()
    {
        Run();
        File.WriteAllText(Path.Combine(root, "texts", "c.txt"), "Another cat.\n");

        var status = Run("--target=Status");
        var run = Run();

        Assert.Contains("count: dep changed: texts", status.Out, StringComparison.Ordinal);
        Assert.Equal(("Ran", "Ran"), (run.Outcome("Count"), run.Outcome("Top")));
    }

    private CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PipelineApp.Run<WordParams>(args, WordPipeline.Definition, root, output, error, HostEnvironment.Of(new Dictionary<string, string>(), TextReader.Null));
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
