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
        // The first run holds its stage until the test creates the release file: no sleep decides who is first.
        var release = Path.Combine(workspace.Root, "release");
        var hold = $"make.hold={release}";
        using var first = workspace.Start("--set", hold);
        WaitFor(() => File.Exists(Path.Combine(workspace.Root, ".pipeline/run.pid"))
            && File.ReadAllText(Path.Combine(workspace.Root, ".pipeline/run.pid")).Contains($"PID {first.Id}", StringComparison.Ordinal));

        var refused = workspace.Run("--no-wait", "--set", hold);
        using var second = workspace.Start("--set", hold);
        var waiting = ReadUntil(second, "Waiting for the run that holds this workspace");
        File.WriteAllText(release, "");
        var firstResult = FakeWorkspace.Finish(first);
        var rest = FakeWorkspace.Finish(second);
        var secondResult = rest with { Out = waiting + rest.Out };

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

    /// <summary>The child's output up to and including the first line containing <paramref name="text"/> (a generous hang guard).</summary>
    private static string ReadUntil(Process process, string text)
    {
        var read = Task.Run(() =>
        {
            var seen = new System.Text.StringBuilder();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                seen.Append(line).Append('\n');
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    break;
                }
            }
            return seen.ToString();
        });
        return read.Wait(TimeSpan.FromMinutes(5)) ? read.Result : throw new TimeoutException($"the child pipeline did not print '{text}' in 5 minutes (a hang guard)");
    }

    private static void WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the child pipeline did not get there in 5 minutes (a hang guard)");
            }
            Thread.Sleep(20);
        }
    }
}
