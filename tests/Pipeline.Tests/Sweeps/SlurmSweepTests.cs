using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Sweeps;

/// <summary>
/// Sweeps through a real one-node Slurm cluster (test.sh starts it with tools/slurm/start.sh and exports SLURM_CONF):
/// the points go as one job array, each task runs its point in its own workspace, and the sweep follows the array.
/// </summary>
public sealed class SlurmSweepTests : IDisposable
{
    private readonly SongWorkspace workspace = SweepWorkspace.Create();

    public SlurmSweepTests()
    {
        Assert.True(Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } conf && File.Exists(conf),
            "no Slurm cluster: SLURM_CONF is not set (./test.sh starts one with tools/slurm/start.sh; apt-get install slurm-wlm munge)");
        workspace.With(new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH")! });
    }

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Four_points_run_as_one_job_array_and_each_is_an_experiment()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var before = workspace.UserFiles();

        var run = workspace.Sweep("--on=slurm", "--set", "train.mlp.learning_rate=0.05,0.01", "--set", "train.mlp.epochs=3,4");

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SweepWorkspace.IdOf(run);
        Assert.Contains($"Sweep {id}: 4 point(s) of the Report pipeline, as a Slurm job array", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"Submitted Slurm job \d+: 4 point\(s\) as array tasks 0-3", run.Out);
        Assert.Contains($"sweep {id}: 4 done, 0 failed, 0 running, 0 queued of 4", run.Out, StringComparison.Ordinal);
        Assert.Equal(4, workspace.Report(id).GetProperty("points").GetArrayLength());
        Assert.All(Directory.GetFiles(Path.Combine(workspace.Folder(id), "logs")), l => Assert.Matches(@"^Slurm job \d+_\d \(job \d+\) on ", File.ReadAllText(l)));
        Assert.Equal(4, workspace.LogsWhere(id, "Fetch", "Restored")); // the user's own run made it
        Assert.Equal(4, workspace.LogsWhere(id, "Train", "Ran"));
        Assert.Equal(4 + 2, workspace.Run("--target=Experiments", $"--sweep={id}").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(before, workspace.UserFiles());
        Assert.DoesNotContain("AWS_", File.ReadAllText(Path.Combine(workspace.Folder(id), "slurm/task.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_task_and_a_task_cancelled_with_scancel_are_named_with_job_state_and_log_and_the_rerun_runs_only_them()
    {
        workspace.UseCsvImports();
        // One task at a time (%1): point 0 fails on its bad rows, point 1 is cancelled while it runs, point 2 finishes.
        workspace.Write("points.yaml", """
            points:
              - { fetch.users.amelia.file: imports/bad-rows.csv }
              - { embed.method: tsne, embed.iterations: 20000, evaluate.bootstrap: 100000 }
              - { train.mlp.epochs: 3 }
            """);
        var id = SweepWorkspace.IdOf(workspace.Sweep("--sweep=points.yaml", "--dryrun"));
        var sweep = Task.Run(() => workspace.Sweep("--on=slurm", "--sweep=points.yaml", "--jobs=1"));
        var log = Path.Combine(workspace.Folder(id), "logs/1.log");
        Poll.Until(() => File.Exists(log) && File.ReadAllText(log).Contains("features:", StringComparison.Ordinal) || sweep.IsCompleted, "point 1 running");
        var job = File.ReadAllText(Path.Combine(workspace.Folder(id), "slurm/job")).Trim();
        using (var cancel = Process.Start("scancel", [$"{job}_1"]))
        {
            cancel.WaitForExit();
            Assert.Equal(0, cancel.ExitCode);
        }

        var run = await sweep;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"point 0 FAILED after", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Slurm job {job}_0, state FAILED: Fetch: imports/bad-rows.csv: 2 of 8 rows", run.Out, StringComparison.Ordinal);
        Assert.Contains($"its log: .pipeline/sweeps/{id}/logs/0.log", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Slurm job {job}_1, state CANCELLED", run.Out, StringComparison.Ordinal);
        Assert.Contains($"sweep {id}: 1 done, 2 failed, 0 running, 0 queued of 3", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, workspace.Report(id).GetProperty("failed").GetArrayLength());
        workspace.AssertCacheConsistent();

        var again = workspace.Sweep("--on=slurm", "--sweep=points.yaml", "--dryrun");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("2 would run as a Slurm job array, 1 done by an earlier run", again.Out, StringComparison.Ordinal);
        Assert.Contains("  point 2: train.mlp.epochs=3  (done earlier: experiment", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Detach_prints_the_job_and_collect_gathers_it_later()
    {
        var detached = workspace.Sweep("--on=slurm", "--detach", "--set", "train.mlp.epochs=3,4");

        Assert.True(detached.ExitCode == 0, detached.ToString());
        var id = SweepWorkspace.IdOf(detached);
        Assert.Contains($"Sweep {id} goes on in Slurm; --target=Sweep --collect={id} follows it and gathers its points.", detached.Out, StringComparison.Ordinal);
        Assert.False(workspace.Exists($"reports/sweeps/{id}.json"));

        var collected = workspace.Sweep($"--collect={id}");

        Assert.True(collected.ExitCode == 0, collected.ToString());
        Assert.Contains($"sweep {id}: 2 done, 0 failed, 0 running, 0 queued of 2", collected.Out, StringComparison.Ordinal);
        Assert.Equal(2, workspace.Report(id).GetProperty("points").GetArrayLength());
        var again = workspace.Sweep($"--collect={id}");
        Assert.Contains("2 point(s) done by an earlier run", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_shared_remote_each_task_publishes_what_it_ran()
    {
        var remote = Directory.CreateTempSubdirectory("slurm-remote").FullName;
        try
        {
            workspace.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });

            var run = workspace.Sweep("--on=slurm", "--set", "train.mlp.epochs=7");

            Assert.True(run.ExitCode == 0, run.ToString());
            using var colleague = SweepWorkspace.Create();
            colleague.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });
            var pulled = colleague.Run("--set", "train.mlp.epochs=7", "--pull");
            Assert.True(pulled.ExitCode == 0, pulled.ToString());
            Assert.Equal("Pulled", pulled.Outcome("Train"));
        }
        finally
        {
            Directory.Delete(remote, recursive: true);
        }
    }

    [Theory]
    [InlineData("PIPELINE_SLURM_PARTITION", "nope", "error: --on=slurm: sbatch refused the sweep: sbatch: error: invalid partition specified: nope")]
    [InlineData("PATH", "/nonexistent", "error: --on=slurm: sbatch is not on PATH")]
    public void Slurm_refusing_or_missing_is_exit_2_with_its_own_message(string variable, string value, string message)
    {
        workspace.With(new Dictionary<string, string> { [variable] = value });

        var run = workspace.Sweep("--on=slurm", "--set", "train.mlp.epochs=3,4");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(message, run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("pipeline.lock"));
    }

    [Theory]
    [InlineData(new[] { "--detach", "--set", "train.mlp.epochs=3" }, "error: --detach goes with --on=slurm")]
    [InlineData(new[] { "--collect=0123abcd" }, "error: --collect 0123abcd: no such sweep here")]
    [InlineData(new[] { "--collect=0123abcd", "--set", "seed=1" }, "error: --collect takes the sweep's points from its first run")]
    public void Detach_and_collect_misused_are_refused(string[] args, string message)
    {
        var run = workspace.Sweep(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(message, run.Err, StringComparison.Ordinal);
    }
}
