namespace Pipeline.Tests.Harness;

/// <summary>The checkout the tests were built from, found by walking up from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>A fresh copy of the tracked files (what a clone holds), in a temp folder.</summary>
    public static string CopyTrackedFiles()
    {
        var target = Path.Combine(Path.GetTempPath(), "pipeline-clone", Guid.NewGuid().ToString("N"));
        Git.Run(Path.GetTempPath(), "clone", "-q", "--no-hardlinks", Root, target);
        // Uncommitted work is part of what is being tested: bring the working tree over the clone.
        foreach (var file in Git.Run(Root, "ls-files", "--cached", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(Root, file);
            if (File.Exists(from))
            {
                var to = Path.Combine(target, file);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
        }
        // ... and what the working tree deleted or moved away stays away.
        foreach (var file in Git.Run(target, "ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!File.Exists(Path.Combine(Root, file)))
            {
                File.Delete(Path.Combine(target, file));
            }
        }
        return target;
    }

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "build.sh")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
