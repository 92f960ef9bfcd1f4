using System.Security.Cryptography;

namespace Pipeline.Tests.Harness;

/// <summary>Every file under a folder with the hash of its bytes: two snapshots are equal when nothing was written, added or removed.</summary>
public static class TreeSnapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return files;
        }
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return files;
    }
}
