using System.Diagnostics;

namespace Pipeline.Tests.Harness;

/// <summary>Runs a program the tests need (podman, buildah, node, ...) to its end, under a hang guard.</summary>
public static class Tool
{
    public sealed record Result(string Command, int Code, string Out, string Err)
    {
        public override string ToString() => $"{Command}: exit {Code}\n{Out}\n{Err}";
    }

    public static Result Run(string program, IEnumerable<string> args, string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? guard = null)
    {
        using var process = Start(program, args, directory, environment);
        var command = $"{program} {string.Join(' ', process.StartInfo.ArgumentList)}";
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = guard ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not end within {limit.TotalMinutes:0} min (hang guard)");
        }
        return new Result(command, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts it with its output and error redirected and its input closed, for a test that reads it as it runs.</summary>
    public static Process Start(string program, IEnumerable<string> args, string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs it and gives its output; a non-zero exit is an exception with everything it printed.</summary>
    public static string Check(string program, IEnumerable<string> args, string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? guard = null)
    {
        var result = Run(program, args, directory, environment, guard);
        return result.Code == 0 ? result.Out : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>
    /// A test that needs a tool this machine may lack: in CI (CI=true, where .ci/run installs it) its absence is a
    /// failure saying <paramref name="ciInstalls"/>; elsewhere the test is skipped saying <paramref name="skipReason"/>.
    /// </summary>
    public static void Require(bool installed, string ciInstalls, string skipReason)
    {
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true" && !installed, ciInstalls);
        Skip.IfNot(installed, skipReason);
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));
}
