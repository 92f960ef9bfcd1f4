using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>Real child processes: one killed with SIGKILL mid-stage, two running at once.</summary>
public sealed class ChildProcessTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Kill_9_in_the_middle_of_a_stage_keeps_the_previous_outputs_and_lock_and_the_next_run_is_correct()
    {
        workspace.Run();
        var lockBefore = workspace.Read("pipeline.lock");
        var madeBefore = workspace.Read("data/made.txt");

        using var child = workspace.Start("--set", "make.sleep_ms=20000", "--set", "make.text=changed");
        WaitFor(() => Directory.Exists(Path.Combine(workspace.Root, ".pipeline/tmp"))
            && Directory.GetFiles(Path.Combine(workspace.Root, ".pipeline/tmp"), "made.txt", SearchOption.AllDirectories).Length > 0);
        child.Kill(entireProcessTree: true);
        child.WaitForExit();

        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.Equal(madeBefore, workspace.Read("data/made.txt"));
        var status = workspace.Run("--target=Status");
        Assert.Equal(0, status.ExitCode);
        var next = workspace.Run("--set", "make.text=changed");
        Assert.Equal(0, next.ExitCode);
        Assert.Equal("Ran", next.Outcome("Make"));
        Assert.StartsWith("changed 1\n", workspace.Read("data/made.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_with_no_wait_fails_naming_the_holder_and_without_it_waits_for_the_first()
    {
        using var first = workspace.Start("--set", "make.sleep_ms=1500");
        WaitFor(() => File.Exists(Path.Combine(workspace.Root, ".pipeline/run.pid"))
            && File.ReadAllText(Path.Combine(workspace.Root, ".pipeline/run.pid")).Contains($"PID {first.Id}", StringComparison.Ordinal));

        var refused = workspace.Run("--no-wait", "--set", "make.sleep_ms=1500");
        using var second = workspace.Start("--set", "make.sleep_ms=1500");
        var firstResult = FakeWorkspace.Finish(first);
        var secondResult = FakeWorkspace.Finish(second);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"another run holds this workspace (PID {first.Id}", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, firstResult.ExitCode);
        Assert.Equal("Ran", firstResult.Outcome("Make"));
        Assert.Equal(0, secondResult.ExitCode);
        Assert.Contains($"Waiting for the run that holds this workspace (PID {first.Id}", secondResult.Out, StringComparison.Ordinal);
        Assert.Equal("Skipped", secondResult.Outcome("Make"));
    }

    [Fact]
    public void A_lock_left_by_a_dead_process_is_taken_over()
    {
        Directory.CreateDirectory(Path.Combine(workspace.Root, ".pipeline"));
        File.WriteAllText(Path.Combine(workspace.Root, ".pipeline/run.lock"), "");
        File.WriteAllText(Path.Combine(workspace.Root, ".pipeline/run.pid"), "PID 999999 on elsewhere, since 00:00:00");

        var run = workspace.Run("--no-wait");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Ran", run.Outcome("Make"));
    }

    private static void WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the child pipeline did not get there in 30 s");
            }
            Thread.Sleep(20);
        }
    }
}
