using System.Diagnostics;

namespace Pipeline.Tests.Harness;

/// <summary>Runs a program to its end and gives its exit code; for tests that need git, mount and the like.</summary>
public static class Command
{
    public static int Run(string? directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        _ = error.Result;
        process.WaitForExit();
        return process.ExitCode;
    }
}
