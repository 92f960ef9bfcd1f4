using System.IO.Hashing;
using System.Text;

namespace Pipeline.Engine.Hashing;

/// <summary>XxHash128 content hashes of files and folders; folders hash their sorted file list.</summary>
internal sealed class ContentHasher(string workspace, HashMemo memo)
{
    private const int BufferSize = 1 << 20;

    public HashMemo Memo => memo;

    /// <summary>Hashes a path relative to the workspace (or absolute); null when it does not exist.</summary>
    public TreeHash? TryHash(string path)
    {
        var full = Path.Combine(workspace, path);
        if (File.Exists(full))
        {
            var file = HashFile(full);
            return new TreeHash(file.Hash, [file with { RelativePath = "" }]);
        }
        return Directory.Exists(full) ? HashDirectory(full) : null;
    }

    /// <summary>Remembers the hashes of files just moved into place, so they are not read again.</summary>
    public void Adopt(string path, TreeHash tree)
    {
        foreach (var file in tree.Files)
        {
            var relative = file.RelativePath.Length == 0 ? path : $"{path}/{file.RelativePath}";
            if (FileIdentity.Of(Path.Combine(workspace, relative)) is { } identity && identity.Size == file.Size)
            {
                memo.Remember(relative, identity.Size, identity.MtimeTicks, file.Hash);
            }
        }
    }

    public static string HashText(string text) => HashBytes(Encoding.UTF8.GetBytes(text));

    public static string HashBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    public static string HashStream(Stream stream)
    {
        var hasher = new XxHash128();
        var buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }
        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }

    private TreeHash HashDirectory(string full)
    {
        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(full, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => HashFile(f.Full) with { RelativePath = f.Relative })
            .ToList();
        var listing = new StringBuilder();
        foreach (var f in files)
        {
            listing.Append(f.RelativePath).Append('\t').Append(f.Hash).Append('\n');
        }
        return new TreeHash(HashText(listing.ToString()), files);
    }

    private FileHash HashFile(string full)
    {
        // A symlink is memoised by what it resolves to: editing the target must change the hash.
        var identity = FileIdentity.Of(full) ?? throw new FileNotFoundException($"'{full}' is a link to a file that does not exist", full);
        var key = Path.GetRelativePath(workspace, full).Replace('\\', '/');
        // A link is remembered with the file it resolves to: pointing it elsewhere is a change, whatever the size and time.
        var memoKey = identity.Target.Length == 0 ? key : $"{key} -> {identity.Target}";
        var ticks = identity.MtimeTicks;
        var known = memo.Find(memoKey, identity.Size, ticks);
        if (known is not null)
        {
            return new FileHash(key, known, identity.Size);
        }
        string hash;
        using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            hash = HashStream(stream);
        }
        if (!key.StartsWith(".pipeline/", StringComparison.Ordinal))
        {
            memo.Remember(memoKey, identity.Size, ticks, hash);
        }
        return new FileHash(key, hash, identity.Size);
    }
}
