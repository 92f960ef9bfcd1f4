using Pipeline.Engine.Caching;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Running;

/// <summary>What a killed run or a full disk left in .pipeline: only the holder of the workspace lock clears it.</summary>
internal static class Housekeeping
{
    /// <summary>Clears the temp folder and temporary files of the cache and the memos; says how many were removed.</summary>
    public static void Sweep(Workspace workspace, RunCache cache, IRunReporter reporter)
    {
        OutputCommitter.Delete(workspace.TempDir);
        var left = cache.SweepTemporaries() + (Directory.Exists(workspace.StateDir) ? Directory.EnumerateFiles(workspace.StateDir, "*.tmp").Count(TryDelete) : 0);
        if (left > 0)
        {
            reporter.Notice($"Removed {left} temporary file(s) an interrupted run left in .pipeline");
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
