using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>A run-cache on a real, tiny, full file system (a 64 KiB tmpfs): the error names the path and nothing is left half-written.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 100));
    private bool mounted;

    public void Dispose()
    {
        if (mounted)
        {
            Tool.Run("umount", [workspace.PathOf(".pipeline/cache")]);
        }
        workspace.Dispose();
    }

    [SkippableFact]
    public void A_full_disk_while_storing_in_the_cache_fails_the_stage_naming_the_path_and_leaves_no_temporary_file()
    {
        Skip.IfNot(Environment.UserName == "root", "mounting a tmpfs needs root (CI runs as root)");
        Directory.CreateDirectory(workspace.PathOf(".pipeline/cache"));
        mounted = Tool.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", workspace.PathOf(".pipeline/cache")]).Code == 0;
        Skip.IfNot(mounted, "this machine does not allow mounting a tmpfs");

        var run = workspace.Run("--target=Fetch");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Fetch failed: IOException: cannot store .*tracks\.parquet in the run-cache at .*\.pipeline/cache/objects/[0-9a-f]{2}/[0-9a-f]{30}\.\d+\.[0-9a-f]{32}\.tmp: No space left on device", run.Err);
        Assert.Empty(Directory.GetFiles(workspace.PathOf(".pipeline/cache"), "*.tmp", SearchOption.AllDirectories));
        Assert.False(workspace.Exists("data/raw/tracks.parquet"));
        Assert.False(workspace.Exists("pipeline.lock"));
    }
}
