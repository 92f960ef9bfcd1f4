using System.Diagnostics;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>Reads a file as it was at a git revision, with the real git.</summary>
internal static class GitShow
{
    /// <summary>The file's text at <paramref name="rev"/>, or null when the revision does not hold it.</summary>
    public static string? Read(string workspace, string rev, string path)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "show", $"{rev}:./{path}" })
        {
            start.ArgumentList.Add(argument);
        }
        using var git = Process.Start(start) ?? throw PipelineErrors.NotInGitRepository("git did not start");
        var stdout = git.StandardOutput.ReadToEndAsync();
        var stderr = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode == 0)
        {
            return stdout.Result;
        }
        if (stderr.Contains("does not exist", StringComparison.Ordinal) || stderr.Contains("exists on disk, but not in", StringComparison.Ordinal))
        {
            return null;
        }
        throw PipelineErrors.NotInGitRepository(stderr.Trim());
    }
}
