using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

public sealed class IncrementalRunTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void First_run_runs_every_stage_and_a_second_run_skips_them_all()
    {
        var first = workspace.Run();
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["Ran", "Ran", "Ran"], new[] { first.Outcome("Make"), first.Outcome("Shout"), first.Outcome("Count") });
        Assert.Equal("HELLO 1!\nHELLO 1!\nHELLO 1!\nALPHA!\nBETA!\n", workspace.Read("data/shout/shout.txt"));

        var second = workspace.Run();

        Assert.Equal(0, second.ExitCode);
        Assert.All(second.Outcomes.Values, o => Assert.Equal("Skipped", o));
        Assert.Equal(3, second.Outcomes.Count);
    }

    [Fact]
    public void Changing_a_param_reruns_its_stage_and_downstream_only()
    {
        workspace.Run();
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("suffix: \"!\"", "suffix: \"?\"", StringComparison.Ordinal));

        var run = workspace.Run("--target=Count");

        Assert.Equal("Skipped", run.Outcome("Make"));
        Assert.Equal("Ran", run.Outcome("Shout"));
        Assert.Equal("Ran", run.Outcome("Count"));
        Assert.Contains("shout: running (params changed: shout.suffix ! -> ?)", run.Out, StringComparison.Ordinal);
        Assert.Contains("HELLO 1?", workspace.Read("data/shout/shout.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_does_not_change_stops_the_reruns_there()
    {
        workspace.Run();
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("upper: true", "upper: false", StringComparison.Ordinal)
            .Replace("text: hello", "text: HELLO", StringComparison.Ordinal));
        workspace.Write("inputs/words.txt", "ALPHA\nBETA\n");

        var run = workspace.Run();

        Assert.Equal("Ran", run.Outcome("Make"));
        Assert.Equal("Ran", run.Outcome("Shout"));
        Assert.Equal("Skipped", run.Outcome("Count"));
    }

    [Fact]
    public void Changing_an_input_file_reruns_the_stage_that_reads_it_and_downstream()
    {
        workspace.Run();
        workspace.Write("inputs/words.txt", "gamma\n");

        var status = workspace.Run("--target=Status");
        var run = workspace.Run();

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("make: dep changed: inputs/words.txt", status.Out, StringComparison.Ordinal);
        Assert.Equal(["Ran", "Ran", "Ran"], new[] { run.Outcome("Make"), run.Outcome("Shout"), run.Outcome("Count") });
        Assert.EndsWith("GAMMA!\n", workspace.Read("data/shout/shout.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Reverting_a_param_restores_the_earlier_outputs_from_the_cache()
    {
        workspace.Run();
        var original = workspace.Read("data/shout/shout.txt");
        workspace.Run("--set", "shout.suffix=?");

        var reverted = workspace.Run();

        Assert.Equal("Skipped", reverted.Outcome("Make"));
        Assert.Equal("Restored", reverted.Outcome("Shout"));
        Assert.Equal("Restored", reverted.Outcome("Count"));
        Assert.Equal(original, workspace.Read("data/shout/shout.txt"));
        Assert.Equal(0, workspace.Run("--target=Status").ExitCode);
    }

    [Fact]
    public void A_deleted_output_is_restored_from_the_cache_without_running()
    {
        workspace.Run();
        File.Delete(Path.Combine(workspace.Root, "reports/metrics.json"));

        var run = workspace.Run();

        Assert.Equal("Restored", run.Outcome("Count"));
        Assert.Contains("\"lines\": 5", workspace.Read("reports/metrics.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Force_reruns_the_target_only_even_when_up_to_date()
    {
        workspace.Run();

        var run = workspace.Run("--target=Shout", "--force");

        Assert.Equal("Skipped", run.Outcome("Make"));
        Assert.Equal("Ran", run.Outcome("Shout"));
        Assert.False(run.Outcomes.ContainsKey("Count"));
    }

    [Fact]
    public void Exclusive_runs_the_target_alone()
    {
        workspace.Run();
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("repeat: 3", "repeat: 2", StringComparison.Ordinal)
            .Replace("suffix: \"!\"", "suffix: \"?\"", StringComparison.Ordinal));

        var run = workspace.Run("--target=Shout", "--exclusive");

        Assert.Equal(["Shout"], run.Outcomes.Keys);
        Assert.Equal("Ran", run.Outcome("Shout"));
        Assert.Contains("make: params changed: make.repeat 3 -> 2", workspace.Run("--target=Status").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclusive_without_the_upstream_output_says_which_stage_to_run_first()
    {
        var run = workspace.Run("--target=Shout", "--exclusive");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Shout: input 'data/made.txt' does not exist; run Make first", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dryrun_says_what_would_run_and_why_and_changes_nothing()
    {
        workspace.Run();
        var lockBefore = workspace.Read("pipeline.lock");
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("suffix: \"!\"", "suffix: \"?\"", StringComparison.Ordinal));

        var run = workspace.Run("--dryrun");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("make: would skip (up to date)", run.Out, StringComparison.Ordinal);
        Assert.Contains("shout: would run (params changed: shout.suffix ! -> ?)", run.Out, StringComparison.Ordinal);
        Assert.Contains("count: would run (upstream will change: shout)", run.Out, StringComparison.Ordinal);
        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.Contains("HELLO 1!", workspace.Read("data/shout/shout.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_overrides_a_param_for_one_run_and_is_recorded_in_the_lock()
    {
        workspace.Run();

        var run = workspace.Run("--set", "make.repeat=1", "--set", "shout.suffix=?");

        Assert.Equal("Ran", run.Outcome("Make"));
        Assert.Equal("HELLO 1?\nALPHA?\nBETA?\n", workspace.Read("data/shout/shout.txt"));
        Assert.Contains("make.repeat: 1", workspace.Read("pipeline.lock"), StringComparison.Ordinal);
        Assert.Contains("make: params changed: make.repeat 1 -> 3", workspace.Run("--target=Status").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_is_zero_and_says_so_when_everything_is_up_to_date()
    {
        var before = workspace.Run("--target=Status");
        workspace.Run();

        var after = workspace.Run("--target=Status");

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("make: never run", before.Out, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("Everything is up to date.", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dag_lists_each_stage_after_its_producers_with_its_reads_and_writes()
    {
        var run = workspace.Run("--target=Dag");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Equal("Make", lines[0]);
        Assert.Contains("Shout <- Make", run.Out, StringComparison.Ordinal);
        Assert.Contains("Count <- Shout", run.Out, StringComparison.Ordinal);
        Assert.Contains("writes reports/metrics.json (metrics)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_inputs_give_a_byte_identical_lock_and_outputs_in_another_workspace()
    {
        using var other = new FakeWorkspace();
        workspace.Run();
        other.Run();

        Assert.Equal(workspace.Read("pipeline.lock"), other.Read("pipeline.lock"));
        Assert.Equal(workspace.Read("reports/metrics.json"), other.Read("reports/metrics.json"));
    }
}
