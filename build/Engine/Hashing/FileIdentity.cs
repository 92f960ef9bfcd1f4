namespace Pipeline.Engine.Hashing;

/// <summary>
/// What a path resolves to: a symlink is followed to its final target, so an edit of the target changes the
/// identity (size and mtime) that hash memos and the up-to-date stamp compare; the target's real path is part of
/// it too, so a link pointed at another file of the same size and time is a change as well. Empty for a plain file.
/// </summary>
internal readonly record struct FileIdentity(long Size, long MtimeTicks, string Target)
{
    /// <summary>Null when the path, or the file a link points to, does not exist.</summary>
    public static FileIdentity? Of(string path)
    {
        var info = new FileInfo(path);
        var target = "";
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path + "\0missing");
            target = info.FullName;
        }
        return info.Exists ? new FileIdentity(info.Length, info.LastWriteTimeUtc.Ticks, target) : null;
    }
}
