using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>
/// build.sh and build.ps1 for real, on a fresh copy of the repository: build once, start the built host
/// directly when nothing changed, rebuild after an edit; a comment-only edit to a stage reruns nothing,
/// a real edit reruns that stage and what follows it, nothing upstream; an edited embedded file reruns the stage that loads it.
/// </summary>
public sealed class BootstrapTests : IDisposable
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
    public void Build_sh_builds_once_reuses_the_host_and_reruns_only_what_a_code_edit_touches()
    {
        var first = Shell("./build.sh");
        var again = Shell("./build.sh");
        var featureCode = Path.Combine(clone, "stages/Stages/Features/FeatureBuilder.cs");
        File.WriteAllText(featureCode, File.ReadAllText(featureCode).Replace(
            "    private static void CheckColumns(", "    // A comment added by a test: it must not rerun anything.\n    private static void CheckColumns(", StringComparison.Ordinal));
        var afterComment = Shell("./build.sh", "--target=Status");
        File.WriteAllText(featureCode, File.ReadAllText(featureCode).Replace("training rows, ", "training rows (edited), ", StringComparison.Ordinal));
        var afterEdit = Shell("./build.sh", "--target=Status");
        var rerun = Shell("./build.sh");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("Building the pipeline host (the first build", first.Err, StringComparison.Ordinal);
        Assert.Equal("Ran", first.Outcome("Features"));
        Assert.DoesNotContain("Building", again.Err, StringComparison.Ordinal);
        Assert.Equal("Skipped", again.Outcome("Features"));
        // The first line says what is rebuilt and why; an edit to a source file needs no restore.
        Assert.StartsWith("Rebuilding the pipeline host: stages/Stages/Features/FeatureBuilder.cs changed (incremental, no restore: the package lock files are unchanged)...\n",
            afterComment.Err, StringComparison.Ordinal);
        Assert.True(afterComment.ExitCode == 0, afterComment.ToString());
        Assert.Contains("Everything is up to date.", afterComment.Out, StringComparison.Ordinal);
        Assert.Equal(1, afterEdit.ExitCode);
        Assert.Contains("features: code changed", afterEdit.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fetch:", afterEdit.Out, StringComparison.Ordinal);
        Assert.Equal("Skipped", rerun.Outcome("Fetch"));
        Assert.Equal("Ran", rerun.Outcome("Features"));
        Assert.Contains("training rows (edited)", rerun.Out, StringComparison.Ordinal);

        // A file the host embeds (the report's plotly bundle) rebuilds the host and versions the stage that loads it.
        File.AppendAllText(Path.Combine(clone, "stages/Stages/Report/Assets/plotly-gl2d.min.js"), "\n/* upgraded by a test */\n");
        var afterAsset = Shell("./build.sh", "--target=Status");
        Assert.StartsWith("Rebuilding the pipeline host: stages/Stages/Report/Assets/plotly-gl2d.min.js changed (incremental", afterAsset.Err, StringComparison.Ordinal);
        Assert.Equal(1, afterAsset.ExitCode);
        Assert.Contains("report: code changed", afterAsset.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("train:", afterAsset.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("embed:", afterAsset.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ps1_builds_and_runs_under_powershell()
    {
        var status = Shell("dotnet", "tool", "run", "pwsh", "-NoProfile", "-File", "./build.ps1", "--target=Status");
        var dag = Shell("dotnet", "tool", "run", "pwsh", "-NoProfile", "-File", "./build.ps1", "--target=Dag");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("fetch: out missing: data/raw/tracks.parquet", status.Out, StringComparison.Ordinal);
        Assert.Equal(0, dag.ExitCode);
        Assert.Contains("Features <- Fetch", dag.Out, StringComparison.Ordinal);
    }

    private CliResult Shell(string command, params string[] args)
    {
        var executable = command.StartsWith("./", StringComparison.Ordinal) ? Path.Combine(clone, command[2..]) : command;
        var start = new ProcessStartInfo(executable) { WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish in 15 minutes (a hang guard)");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
