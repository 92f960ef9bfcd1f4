namespace Pipeline.Engine.Remote;

/// <summary>A remote on a shared disk: the same layout as S3, written to a temp name and renamed, so a reader never sees half a file.</summary>
internal sealed class FolderRemote(string root, string display) : IRemoteStore
{
    private int requests;

    public string Display => display;

    public int Requests => requests;

    public Task CheckAsync(CancellationToken cancel)
    {
        Interlocked.Increment(ref requests);
        if (!Directory.Exists(root))
        {
            throw new Errors.PipelineException($"remote {display}: the folder does not exist (create it, or fix url in {RemoteConfig.FileName})",
                Errors.ExitCodes.BadUsage);
        }
        return Task.CompletedTask;
    }

    public Task<HashSet<string>> ListAsync(string folder, CancellationToken cancel)
    {
        Interlocked.Increment(ref requests);
        var path = Path.Combine(root, folder);
        var keys = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
        return Task.FromResult(keys.ToHashSet(StringComparer.Ordinal));
    }

    public async Task UploadAsync(string key, string localFile, CancellationToken cancel)
    {
        Interlocked.Increment(ref requests);
        var target = Path.Combine(root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var from = File.OpenRead(localFile))
            await using (var to = File.Create(temp))
            {
                await from.CopyToAsync(to, cancel).ConfigureAwait(false);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancel)
    {
        Interlocked.Increment(ref requests);
        var source = Path.Combine(root, key);
        if (!File.Exists(source))
        {
            return false;
        }
        await using var from = File.OpenRead(source);
        await using var to = File.Create(localFile);
        await from.CopyToAsync(to, cancel).ConfigureAwait(false);
        return true;
    }

    public void Dispose()
    {
    }
}
