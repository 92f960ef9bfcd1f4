using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Sweeps;

/// <summary>
/// A sweep for real: every point is the host (pipeline.dll) in its own workspace under .pipeline/sweeps, sharing the
/// run-cache; the user's params, outputs and lock stay as they were; the points become experiments and a ranked report.
/// </summary>
public sealed class SweepTests : IDisposable
{
    private static readonly string[] Verdicts = ["within noise", "worse"];
    private readonly SongWorkspace workspace = SweepWorkspace.Create();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_grid_runs_each_point_once_in_its_own_workspace_and_leaves_the_users_as_it_was()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var before = workspace.UserFiles();

        var run = workspace.Sweep("--set", "seed=1,2", "--set", "train.mlp.layers=[{units: 5}],[{units: 8}]", "--jobs=2");

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SweepWorkspace.IdOf(run);
        Assert.Equal(before, workspace.UserFiles());
        Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(workspace.Folder(id), "points")).Any());
        // Fetch and Features depend on the seed only: each of the two ran once, the other point waited and restored it.
        Assert.Equal(2, workspace.LogsWhere(id, "Fetch", "Ran"));
        Assert.Equal(2, workspace.LogsWhere(id, "Fetch", "Restored"));
        Assert.Equal(2, workspace.LogsWhere(id, "Features", "Ran"));
        Assert.Equal(4, workspace.LogsWhere(id, "Train", "Ran"));
        Assert.Contains($"sweep {id}: 4 done, 0 failed, 0 running, 0 queued of 4", run.Out, StringComparison.Ordinal);

        var report = workspace.Report(id);
        Assert.Equal("auc", report.GetProperty("metric").GetString());
        var points = report.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(4, points.Count);
        var aucs = points.Select(p => p.GetProperty("metrics").GetProperty("auc").GetDouble()).ToList();
        Assert.Equal(aucs.OrderDescending(), aucs);
        Assert.Equal("best", points[0].GetProperty("verdict").GetString());
        Assert.All(points.Skip(1), p => Assert.Contains(p.GetProperty("verdict").GetString(), Verdicts));
        Assert.All(points, p => Assert.Equal(2, p.GetProperty("intervals").GetProperty("auc").GetArrayLength()));
        Assert.Contains("| 1 |", workspace.Read($"reports/sweeps/{id}.md"), StringComparison.Ordinal);

        var experiments = workspace.Run("--target=Experiments", $"--sweep={id[..4]}");
        Assert.True(experiments.ExitCode == 0, experiments.ToString());
        Assert.All(points, p => Assert.Contains(p.GetProperty("experiment").GetString()!, experiments.Out, StringComparison.Ordinal));
        Assert.Equal(4 + 2, experiments.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var second = points[1].GetProperty("experiment").GetString()!;
        var apply = workspace.Run("--target=Apply", $"--exp={second}");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("no stage ran", apply.Out, StringComparison.Ordinal);
        var seed = points[1].GetProperty("params").GetProperty("seed").GetString();
        Assert.Contains($"seed: {seed}", workspace.Read("params.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_sweep_again_runs_nothing_and_writes_the_same_report()
    {
        string[] args = ["--set", "train.mlp.learning_rate=0.05,0.01", "--jobs=2"];
        var first = workspace.Sweep(args);
        Assert.True(first.ExitCode == 0, first.ToString());
        var id = SweepWorkspace.IdOf(first);
        var logs = TreeSnapshot.Of(Path.Combine(workspace.Folder(id), "logs"));
        var report = (workspace.Read($"reports/sweeps/{id}.md"), workspace.Read($"reports/sweeps/{id}.json"));

        var again = workspace.Sweep(args);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(id, SweepWorkspace.IdOf(again));
        Assert.Contains("2 point(s) done by an earlier run of this sweep", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("started", again.Out, StringComparison.Ordinal);
        Assert.Equal(logs, TreeSnapshot.Of(Path.Combine(workspace.Folder(id), "logs")));
        Assert.Equal(report, (workspace.Read($"reports/sweeps/{id}.md"), workspace.Read($"reports/sweeps/{id}.json")));
        Assert.False(workspace.Exists("pipeline.lock"));
    }

    [Fact]
    public void A_failing_point_is_named_with_its_log_and_the_rerun_runs_only_it()
    {
        workspace.UseCsvImports();
        string[] args = ["--set", "fetch.users.amelia.file=imports/kaggle-amelia.csv,imports/bad-rows.csv", "--set", "train.mlp.epochs=3"];

        var run = workspace.Sweep(args);

        Assert.True(run.ExitCode == 1, run.ToString());
        var id = SweepWorkspace.IdOf(run);
        var log = $".pipeline/sweeps/{id}/logs/1.log";
        Assert.Contains($"sweep {id}: point 1 FAILED after", run.Out, StringComparison.Ordinal);
        Assert.Contains($"point 1 FAILED after", run.Out, StringComparison.Ordinal);
        Assert.Contains("Fetch: imports/bad-rows.csv: 2 of 8 rows have an empty, non-numeric or impossible feature", run.Out, StringComparison.Ordinal);
        Assert.Contains($"its log: {log}", run.Out, StringComparison.Ordinal);
        Assert.Contains("error:", workspace.Read(log), StringComparison.Ordinal);
        var failed = Assert.Single(workspace.Report(id).GetProperty("failed").EnumerateArray());
        Assert.Equal(log, failed.GetProperty("log").GetString());
        Assert.Single(workspace.Report(id).GetProperty("points").EnumerateArray());
        var goodLog = workspace.Read($".pipeline/sweeps/{id}/logs/0.log");

        var again = workspace.Sweep(args);

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("1 point(s) done by an earlier run", again.Out, StringComparison.Ordinal);
        Assert.Contains("point 1 started", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("point 0 started", again.Out, StringComparison.Ordinal);
        Assert.Equal(goodLog, workspace.Read($".pipeline/sweeps/{id}/logs/0.log"));
    }

    [Fact]
    public void With_a_shared_remote_each_point_takes_what_another_machine_already_ran_and_publishes_its_own()
    {
        var remote = Directory.CreateTempSubdirectory("sweep-remote").FullName;
        try
        {
            using var colleague = SweepWorkspace.Create();
            colleague.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });
            Assert.Equal(0, colleague.Run().ExitCode);
            Assert.Equal(0, colleague.Run("--target=Push").ExitCode);
            workspace.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });

            var run = workspace.Sweep("--set", "train.mlp.epochs=15,16");

            Assert.True(run.ExitCode == 0, run.ToString());
            var id = SweepWorkspace.IdOf(run);
            Assert.Equal(1, workspace.LogsWhere(id, "Train", "Pulled")); // epochs 15: the colleague's run
            Assert.Equal(1, workspace.LogsWhere(id, "Train", "Ran"));
            Assert.Equal(0, workspace.LogsWhere(id, "Fetch", "Ran"));
            // ... and publishes what it ran: the colleague now pulls the sweep's epochs=16 instead of training it.
            var pulled = colleague.Run("--set", "train.mlp.epochs=16", "--pull");
            Assert.True(pulled.ExitCode == 0, pulled.ToString());
            Assert.Equal("Pulled", pulled.Outcome("Train"));
        }
        finally
        {
            Directory.Delete(remote, recursive: true);
        }
    }

    [Fact]
    public void Dryrun_lists_the_points_and_what_an_earlier_run_finished_and_changes_nothing()
    {
        var first = workspace.Sweep("--set", "train.mlp.epochs=3,4");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = TreeSnapshot.Of(workspace.Root);

        var dry = workspace.Sweep("--set", "train.mlp.epochs=3,4,5", "--dryrun");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("3 point(s), each checked; 3 would run here, one at a time, 0 done by an earlier run", dry.Out, StringComparison.Ordinal);
        Assert.Contains("  point 2: train.mlp.epochs=5  (would run)", dry.Out, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(workspace.Root));
        var same = workspace.Sweep("--set", "train.mlp.epochs=3,4", "--dryrun");
        Assert.Contains("0 would run here, one at a time, 2 done by an earlier run", same.Out, StringComparison.Ordinal);
        Assert.Matches(@"point 0: train\.mlp\.epochs=3  \(done earlier: experiment [0-9a-f]{12}\)", same.Out);
        Assert.Equal(before, TreeSnapshot.Of(workspace.Root));
    }

    [Theory]
    [InlineData(new[] { "--set", "train.mlp.learnin_rate=0.1,0.2" }, "error: --set train.mlp.learnin_rate=0.1: unknown key (did you mean train.mlp.learning_rate?)")]
    [InlineData(new[] { "--set", "train.mlp.learning_rate=" }, "error: --set train.mlp.learning_rate=: no values after '='")]
    [InlineData(new[] { "--set", "train.mlp.learning_rate=0.1,fast" }, "error: --set train.mlp.learning_rate=fast: 'fast' is not a number")]
    [InlineData(new[] { "--set", "train.model=mlp,forrest" }, "error: --set train.model=forrest:")]
    [InlineData(new[] { "--set", "a=range(0,40)", "--set", "b=range(0,40)" }, "error: the sweep has 1,600 points; at most 1,000")]
    [InlineData(new[] { "--jobs=2" }, "error: Sweep needs its points: --set KEY=V1,V2")]
    [InlineData(new[] { "--sweep=points.yaml" }, "error: --sweep points.yaml, point 1 (train.mlp.epochs=-3): --set train.mlp.epochs=-3:")]
    public void Bad_points_are_refused_before_anything_runs(string[] args, string message)
    {
        workspace.Write("points.yaml", "points:\n  - {train.mlp.epochs: 3}\n  - {train.mlp.epochs: -3}\n");

        var run = workspace.Sweep(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(message, run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists(".pipeline/sweeps"));
    }
}
