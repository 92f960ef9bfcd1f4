using System.Diagnostics;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>Reads a file as it was at a git revision, and the commits that changed a file, with the real git.</summary>
internal static class GitShow
{
    /// <summary>The newest commits that changed any of <paramref name="paths"/>: full hash, short hash, subject. Empty outside a git repository.</summary>
    public static List<(string Hash, string Short, string Subject)> Log(string workspace, IReadOnlyList<string> paths, int max, string? since = null)
    {
        string[] range = since is null ? ["HEAD"] : [$"{since}..HEAD"];
        var (code, output, _) = Git(workspace, ["log", $"-n{max}", "--format=%H%x1f%h%x1f%s", "--end-of-options", .. range, .. (paths.Count > 0 ? ["--", .. paths] : Array.Empty<string>())]);
        return code != 0 ? [] : [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\u001f')).Where(p => p.Length == 3).Select(p => (p[0], p[1], p[2]))];
    }

    /// <summary>HEAD itself: full hash, short hash, subject; null outside a git repository or before the first commit.</summary>
    public static (string Hash, string Short, string Subject)? Head(string workspace) => Log(workspace, [], 1) is [var head] ? head : null;

    /// <summary>The commit a revision names: full and short hash; an unknown revision is an error naming it.</summary>
    public static (string Hash, string Short) Commit(string workspace, string rev)
    {
        Revision.Check(rev);
        var (code, output, stderr) = Git(workspace, "log", "-n1", "--format=%H%x1f%h", "--end-of-options", rev, "--");
        if (code == 0 && output.Trim().Split('\u001f') is [var hash, var shortHash])
        {
            return (hash, shortHash);
        }
        throw stderr.Contains("not a git repository", StringComparison.OrdinalIgnoreCase) ? PipelineErrors.NotInGitRepository(stderr.Trim()) : PipelineErrors.UnknownRevision(rev);
    }

    /// <summary>Where this branch left its upstream (the merge base with @{upstream}); null when it has none.</summary>
    public static string? UpstreamBase(string workspace)
    {
        var (code, output, _) = Git(workspace, "merge-base", "HEAD", "@{upstream}");
        return code == 0 && output.Trim() is { Length: > 0 } hash ? hash : null;
    }

    private static (int Code, string Output, string Error) Git(string workspace, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var git = Process.Start(start) ?? throw PipelineErrors.NotInGitRepository("git did not start");
        var stdout = git.StandardOutput.ReadToEndAsync();
        var stderr = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, stdout.Result, stderr);
    }

    /// <summary>The file's text at <paramref name="rev"/>, or null when the revision does not hold it.</summary>
    public static string? Read(string workspace, string rev, string path)
    {
        Revision.Check(rev);
        var (code, stdout, stderr) = Git(workspace, "show", "--end-of-options", $"{rev}:./{path}");
        if (code == 0)
        {
            return stdout;
        }
        if (stderr.Contains("does not exist", StringComparison.Ordinal) || stderr.Contains("exists on disk, but not in", StringComparison.Ordinal))
        {
            return null;
        }
        if (stderr.Contains("invalid object name", StringComparison.OrdinalIgnoreCase) || stderr.Contains("unknown revision", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("bad revision", StringComparison.OrdinalIgnoreCase) || stderr.Contains("ambiguous argument", StringComparison.OrdinalIgnoreCase))
        {
            throw PipelineErrors.UnknownRevision(rev);
        }
        throw PipelineErrors.NotInGitRepository(stderr.Trim());
    }
}
