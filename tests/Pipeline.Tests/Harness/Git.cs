using System.Diagnostics;

namespace Pipeline.Tests.Harness;

/// <summary>The real git, for tests that diff against a revision.</summary>
public static class Git
{
    private static readonly string[] Identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"];

    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // Fixed dates: the same commits give the same hashes on every run.
        start.Environment["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z";
        start.Environment["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z";
        foreach (var arg in Identity.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
    }
}
