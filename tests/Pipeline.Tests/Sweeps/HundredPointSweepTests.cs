using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Sweeps;

/// <summary>
/// DVC's queue fails points of a 100-point sweep at -j 20 with no logs: here 100 points of a cheap change at --jobs=8
/// give 100 experiments, none failed, every log present, and a consistent run-cache.
/// </summary>
public sealed class HundredPointSweepTests : IDisposable
{
    private readonly SongWorkspace workspace = SweepWorkspace.Create();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_hundred_points_eight_at_once_all_finish_with_their_logs_and_experiments()
    {
        // The Spotify timeout is read by Fetch but changes nothing the demo makes: each point reruns Fetch, restores the rest.
        var run = workspace.Sweep("--set", "fetch.spotify.timeout_seconds=range(1,101)", "--jobs=8");

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SweepWorkspace.IdOf(run);
        Assert.Contains($"sweep {id}: 100 done, 0 failed, 0 running, 0 queued of 100", run.Out, StringComparison.Ordinal);
        var logs = Directory.GetFiles(Path.Combine(workspace.Folder(id), "logs"), "*.log");
        Assert.Equal(100, logs.Length);
        Assert.All(logs, l => Assert.Contains("│ Total ", File.ReadAllText(l), StringComparison.Ordinal));
        Assert.Equal(100, workspace.Report(id).GetProperty("points").GetArrayLength());
        Assert.Equal(0, workspace.Report(id).GetProperty("failed").GetArrayLength());
        var experiments = workspace.Run("--target=Experiments", $"--sweep={id}");
        Assert.Equal(100 + 2, experiments.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(100, workspace.LogsWhere(id, "Fetch", "Ran"));
        Assert.Equal(1, workspace.LogsWhere(id, "Train", "Ran"));
        Assert.Equal(99, workspace.LogsWhere(id, "Train", "Restored"));
        workspace.AssertCacheConsistent();
    }
}
