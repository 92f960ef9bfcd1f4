using Pipeline.Engine.Cli;
using Pipeline.Host;
using Pipeline.Stages.Parameters;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Team;

/// <summary>
/// What a newcomer meets on a fresh clone of this repository: the committed baseline is an experiment that Apply can
/// restore (committed outputs enter the run-cache), Apply rewrites only the values that differ, and Experiments
/// shows this branch, not the project's whole history.
/// </summary>
public sealed class NewcomerTests : IDisposable
{
    private readonly string clone = Repository.CopyTrackedFiles();

    public void Dispose()
    {
        try
        {
            Directory.Delete(clone, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public void On_a_fresh_clone_the_committed_baseline_can_be_applied_after_an_edit_keeping_the_files_comments()
    {
        Git.Run(clone, "checkout", "-q", "--", ".");
        Git.Run(clone, "clean", "-qfdx", "-e", "tests");
        var first = Run();
        Assert.True(first.ExitCode == 0, first.ToString());
        var committedLock = File.ReadAllText(Path.Combine(clone, "pipeline.lock"));
        var paramsPath = Path.Combine(clone, "params.yaml");
        var original = File.ReadAllText(paramsPath);
        var edited = original.Replace("    epochs: 100", "    epochs: 40   # a newcomer's try", StringComparison.Ordinal)
            .Replace("seed: 12345", "# my own note, kept by Apply\nseed: 12345", StringComparison.Ordinal);
        File.WriteAllText(paramsPath, edited);
        Assert.Equal(0, Run().ExitCode);

        var experiments = Run("--target=Experiments");
        var head = Git.Run(clone, "rev-parse", "--short", "HEAD").Trim();
        var apply = Run("--target=Apply", $"--exp={head}");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains($"Applied experiment", apply.Out, StringComparison.Ordinal);
        Assert.Contains("rewrote train.mlp.epochs in params.yaml", apply.Out, StringComparison.Ordinal);
        Assert.Equal(committedLock, File.ReadAllText(Path.Combine(clone, "pipeline.lock")));
        var now = File.ReadAllText(paramsPath);
        Assert.Contains("# my own note, kept by Apply", now, StringComparison.Ordinal);
        Assert.Contains("    epochs: 100   # a newcomer's try", now, StringComparison.Ordinal);
        Assert.Equal(edited.Replace("epochs: 40", "epochs: 100", StringComparison.Ordinal), now);
        Assert.Equal(0, Run("--target=Status").ExitCode);
        // This branch's view: the workspace's two runs and HEAD, not the project's development history.
        var rows = experiments.Out.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1;
        Assert.InRange(rows, 2, 3);
        Assert.True(Run("--target=Experiments", "--all-commits").Out.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1 >= rows);
    }

    [Fact]
    public void Apply_of_an_experiment_whose_entries_are_gone_is_exit_1_with_what_to_run()
    {
        Git.Run(clone, "clean", "-qfdx", "-e", "tests");
        var head = Git.Run(clone, "rev-parse", "--short", "HEAD").Trim();

        var apply = Run("--target=Apply", $"--exp={head}");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("cannot be applied without running: the run-cache has no entry for", apply.Err, StringComparison.Ordinal);
        Assert.Contains("run --target=Pull if a remote has it", apply.Err, StringComparison.Ordinal);
    }

    private CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PipelineApp.Run<PipelineParams>(args, SongPipeline.Definition, clone, output, error, HostEnvironment.Of(new Dictionary<string, string>()));
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
