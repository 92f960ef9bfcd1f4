using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>Ctrl-C in a real child process, and the temporary files interrupted runs leave.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Ctrl_c_mid_stage_exits_130_saying_what_was_kept_and_loses_nothing()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var lockBefore = workspace.Read("pipeline.lock");

        using var child = StartWithDefaultSigint("--set", "make.sleep_ms=30000", "--set", "make.text=changed");
        var temp = Path.Combine(workspace.Root, ".pipeline/tmp");
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(temp) && Directory.GetFiles(temp, "made.txt", SearchOption.AllDirectories).Length > 0))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the child never started Make (a 5-minute hang guard)");
            Thread.Sleep(20);
        }
        using (var kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        var result = FakeWorkspace.Finish(child);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("interrupted: nothing new was kept; the outputs and pipeline.lock are as before the run; Make was stopped and left nothing behind", result.Err, StringComparison.Ordinal);
        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.Equal("Skipped", workspace.Run().Outcome("Make"));
    }

    /// <summary>
    /// The child as a terminal would start it: a shell running tests in the background leaves SIGINT ignored, and an
    /// ignored signal is inherited, so python resets it to the default before it execs the pipeline.
    /// </summary>
    private Process StartWithDefaultSigint(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                     "dotnet", Path.Combine(AppContext.BaseDirectory, "FakePipeline.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    [Fact]
    public void Temporary_files_a_killed_run_left_in_the_cache_are_removed_at_the_next_run()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var objects = Path.Combine(workspace.Root, ".pipeline/cache/objects/ab");
        Directory.CreateDirectory(objects);
        File.WriteAllBytes(Path.Combine(objects, "abcdef0123456789abcdef0123456789.99999999.tmp"), new byte[4096]);
        File.WriteAllText(Path.Combine(workspace.Root, ".pipeline/hashes.tsv.4242.tmp"), "half");

        var run = workspace.Run("--set", "make.text=again");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Removed 2 temporary file(s) an interrupted run left in .pipeline", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(workspace.Root, ".pipeline"), "*.tmp", SearchOption.AllDirectories));
    }
}
