using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

public sealed class ErrorTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("seed: 1\nmake:\n  repat: 3\n", "params.yaml:3:3: unknown key 'make.repat'")]
    [InlineData("seed: 1\nmake:\n  repeat: many\n", "params.yaml:3:11: 'make.repeat':")]
    [InlineData("seed: 1\nmake:\n  repeat: [3\n", "params.yaml:")]
    [InlineData("seed: 1\nmake:\n  repeat: 0\n", "params.yaml:3:11: 'make.repeat': must be between 1 and 1000")]
    [InlineData("layers:\n  - units: 0\n", "params.yaml:2:12: 'layers[0].units': must be at least 1")]
    public void Bad_params_stop_the_run_with_the_file_line_column_and_key(string yaml, string expected)
    {
        workspace.WriteParams(yaml);

        var run = workspace.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data"));
        Assert.False(workspace.Exists("pipeline.lock"));
    }

    [Fact]
    public void A_yaml_syntax_error_is_named_as_one()
    {
        workspace.WriteParams("seed: 1\nmake:\n  repeat: [3\n");

        var run = workspace.Run();

        Assert.Matches(@"params\.yaml:\d+:\d+: YAML syntax error", run.Err);
    }

    [Theory]
    [InlineData("make.nope=1", "--set make.nope=1: unknown key")]
    [InlineData("make.repeat=lots", "--set make.repeat=lots:")]
    [InlineData("make.repeat=0", "'make.repeat': must be between 1 and 1000")]
    [InlineData("justakey", "--set justakey: expected KEY=VALUE")]
    [InlineData("make.text.deeper=1", "--set make.text.deeper=1:")]
    public void A_bad_set_override_is_an_error_before_anything_runs(string assignment, string expected)
    {
        var run = workspace.Run("--set", assignment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void An_unknown_flag_is_an_error()
    {
        var run = workspace.Run("--targte=Count");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("targte", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_lists_the_known_ones()
    {
        var run = workspace.Run("--target=Trian");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown target 'Trian'", run.Err, StringComparison.Ordinal);
        Assert.Matches(@"Targets: (Make|Shout|Count), (Make|Shout|Count), (Make|Shout|Count), Status, Dag", run.Err);
    }

    [Fact]
    public void A_missing_input_with_no_producer_is_an_error_before_any_work()
    {
        File.Delete(Path.Combine(workspace.Root, "inputs/words.txt"));

        var run = workspace.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Make: input 'inputs/words.txt' does not exist and no stage writes it", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashing_stage_fails_the_run_and_keeps_the_previous_outputs_and_lock()
    {
        workspace.Run();
        var lockBefore = workspace.Read("pipeline.lock");
        var madeBefore = workspace.Read("data/made.txt");

        var run = workspace.Run("--set", "make.fail=crash");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Failed", run.Outcome("Make"));
        Assert.Equal("Not run", run.Outcome("Shout"));
        Assert.Contains("Make failed: InvalidOperationException: the fake stage crashed", run.Err, StringComparison.Ordinal);
        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.Equal(madeBefore, workspace.Read("data/made.txt"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(workspace.Root, ".pipeline/tmp")));
    }

    [Fact]
    public void Bad_input_data_in_a_stage_exits_2_with_its_message()
    {
        var run = workspace.Run("--set", "make.fail=bad_input");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Make: input.csv:3:7: 'abc' is not a number", run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data/made.txt"));
    }

    [Theory]
    [InlineData("schema: 1\nstages:\n  make: [unclosed\n", "pipeline.lock:")]
    [InlineData("schema: 1\nstages:\n  make:\n    code: nothex\n", "not a content hash")]
    [InlineData("schema: 7\n", "schema 7")]
    [InlineData("", "the file is empty")]
    public void A_corrupt_lock_file_is_a_clear_error_never_a_silent_rerun(string content, string expected)
    {
        workspace.Run();
        workspace.Write("pipeline.lock", content);

        var run = workspace.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.Contains("the lock file is corrupt", run.Err, StringComparison.Ordinal);
        Assert.Equal(content, workspace.Read("pipeline.lock"));
    }

    [Fact]
    public void A_corrupt_cache_entry_gives_a_warning_and_a_normal_run()
    {
        workspace.Run();
        var original = workspace.Read("data/shout/shout.txt");
        workspace.Run("--set", "shout.suffix=?");
        foreach (var obj in Directory.GetFiles(Path.Combine(workspace.Root, ".pipeline/cache/objects"), "*", SearchOption.AllDirectories))
        {
            File.WriteAllText(obj, "garbage");
        }

        var run = workspace.Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is damaged", run.Err, StringComparison.Ordinal);
        Assert.Equal("Ran", run.Outcome("Shout"));
        Assert.Equal(original, workspace.Read("data/shout/shout.txt"));
    }

    [Fact]
    public void A_missing_cache_object_gives_a_warning_and_a_normal_run()
    {
        workspace.Run();
        workspace.Run("--set", "shout.suffix=?");
        Directory.Delete(Path.Combine(workspace.Root, ".pipeline/cache/objects"), recursive: true);

        var run = workspace.Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is missing", run.Err, StringComparison.Ordinal);
        Assert.Equal("Ran", run.Outcome("Shout"));
    }
}
