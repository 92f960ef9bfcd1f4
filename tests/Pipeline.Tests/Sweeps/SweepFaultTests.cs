using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Engine.Files;
using Pipeline.Engine.Running;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Sweeps;

/// <summary>
/// A sweep's faults: kill -9 of one point or of the sweep itself loses no finished point, leaves no half-written cache
/// entry and leaves the user's workspace as it was; the same sweep started twice waits, saying so.
/// </summary>
public sealed partial class SweepFaultTests : IDisposable
{
    private static readonly string[] Grid = ["--set", "train.mlp.epochs=3,4,5"];
    private readonly SongWorkspace workspace = SweepWorkspace.Create();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_point_killed_with_sigkill_fails_alone_and_the_rerun_finishes_it()
    {
        var id = SweepWorkspace.IdOf(workspace.Sweep([.. Grid, "--dryrun"]));
        var sweep = Task.Run(() => workspace.Sweep(Grid));
        var holder = Path.Combine(workspace.Folder(id), "points/1/.pipeline/run.pid");
        Poll.Until(() => File.Exists(holder) && File.ReadAllText(holder).Length > 0 || sweep.IsCompleted, "point 1 starting");
        Kill(PidIn(File.ReadAllText(holder)));

        var run = await sweep;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"point 1 FAILED after", run.Out, StringComparison.Ordinal);
        Assert.Contains("the point's run ended with exit code 137 (SIGKILL)", run.Out, StringComparison.Ordinal);
        Assert.Contains($"sweep {id}: 2 done, 1 failed, 0 running, 0 queued of 3", run.Out, StringComparison.Ordinal);
        Assert.False(workspace.Exists("pipeline.lock"));

        var again = workspace.Sweep(Grid);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("2 point(s) done by an earlier run", again.Out, StringComparison.Ordinal);
        Assert.Contains("point 1 started", again.Out, StringComparison.Ordinal);
        Assert.Equal(3, workspace.Report(id).GetProperty("points").GetArrayLength());
        workspace.AssertCacheConsistent();
    }

    [Fact]
    public void Ctrl_c_of_the_sweep_stops_its_points_keeps_the_finished_ones_and_exits_130()
    {
        var before = workspace.UserFiles();
        var id = SweepWorkspace.IdOf(workspace.Sweep([.. Grid, "--dryrun"]));
        using var sweep = StartHost(["--target=Sweep", .. Grid], defaultSigint: true);
        var holder = Path.Combine(workspace.Folder(id), "points/1/.pipeline/run.pid");
        Poll.Until(() => File.Exists(holder) && File.ReadAllText(holder).Length > 0 || sweep.HasExited, "point 1 starting");
        var point = PidIn(File.ReadAllText(holder));
        using (var interrupt = Process.Start("kill", ["-INT", sweep.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            interrupt.WaitForExit();
        }
        Assert.True(sweep.WaitForExit(TimeSpan.FromMinutes(2)), "the sweep did not stop on SIGINT (a 2-minute hang guard)");
        sweep.WaitForExit(); // and its output read to the end

        Assert.Equal(130, sweep.ExitCode);
        Assert.Contains($"interrupted: the points that finished are kept in {workspace.Folder(id)}/results; the points running were stopped and left nothing behind.",
            errors.ToString(), StringComparison.Ordinal);
        Poll.Until(() => !Alive(point), "the running point ending");
        Assert.True(File.Exists(Path.Combine(workspace.Folder(id), "results/0.json")));
        Assert.Equal(before, workspace.UserFiles());

        var again = workspace.Sweep(Grid);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"[12] point\(s\) done by an earlier run", again.Out);
        workspace.AssertCacheConsistent();
    }

    [Fact]
    public void The_sweep_killed_with_sigkill_loses_no_finished_point_and_the_same_command_goes_on()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var before = workspace.UserFiles();
        var id = SweepWorkspace.IdOf(workspace.Sweep([.. Grid, "--dryrun"]));
        using var sweep = StartHost(["--target=Sweep", .. Grid]);
        Poll.Until(() => File.Exists(Path.Combine(workspace.Folder(id), "results/0.json")) || sweep.HasExited, "point 0 finishing");
        Assert.False(sweep.HasExited, "the sweep ended before it could be killed");
        sweep.Kill(); // SIGKILL of the sweep alone: the point it was running goes on as an orphan

        var again = workspace.Sweep(Grid);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"[12] point\(s\) done by an earlier run", again.Out);
        Assert.Equal(3, workspace.Report(id).GetProperty("points").GetArrayLength());
        Assert.Equal(before, workspace.UserFiles());
        workspace.AssertCacheConsistent();
    }

    [Fact]
    public async Task The_same_sweep_started_while_it_runs_waits_with_a_line_saying_so_and_another_sweep_runs_meanwhile()
    {
        var id = SweepWorkspace.IdOf(workspace.Sweep([.. Grid, "--dryrun"]));
        var output = new LineWriter();
        Task<CliResult> waiting;
        using (WorkspaceLock.Acquire(new Workspace(workspace.Folder(id)), wait: false, _ => { }))
        {
            waiting = Task.Run(() => workspace.RunWith(TextReader.Null, output, ["--target=Sweep", .. Grid]));
            Assert.Equal($"Sweep {id} is running in another process; waiting for it to end...", output.WaitFor(l => l.Contains("waiting", StringComparison.Ordinal)));
            var refused = workspace.Sweep([.. Grid, "--no-wait"]);
            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.StartsWith($"error: sweep {id} is running in another process (PID {Environment.ProcessId} on ", refused.Err, StringComparison.Ordinal);
            var other = workspace.Sweep("--set", "train.mlp.epochs=6,7", "--jobs=2");
            Assert.True(other.ExitCode == 0, other.ToString());
            Assert.False(waiting.IsCompleted);
        }

        var run = await waiting;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, workspace.Report(id).GetProperty("points").GetArrayLength());
        workspace.AssertCacheConsistent();
    }

    private readonly StringWriter errors = new();

    /// <summary>
    /// The host as a child; with <paramref name="defaultSigint"/> as a terminal starts it (a shell running tests in the
    /// background leaves SIGINT ignored, which a child inherits: python resets it before it execs the host).
    /// </summary>
    private Process StartHost(string[] args, bool defaultSigint = false)
    {
        var start = new ProcessStartInfo(defaultSigint ? "python3" : "dotnet") { WorkingDirectory = workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] prefix = defaultSigint ? ["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])", "dotnet"] : [];
        foreach (var arg in (string[])[.. prefix, Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.WriteLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int PidIn(string holder) => int.Parse(Pid().Match(holder).Groups[1].Value, CultureInfo.InvariantCulture);

    private static void Kill(int pid)
    {
        using var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex Pid();
}
