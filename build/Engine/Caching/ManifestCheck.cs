namespace Pipeline.Engine.Caching;

/// <summary>
/// A run-cache entry is hostile until checked (it may come from a remote, or a tampered .pipeline): every file it
/// names must stay inside one of the stage's declared outs, and every object name must be a content hash.
/// Checked before a byte is written.
/// </summary>
internal static class ManifestCheck
{
    /// <summary>What is wrong with the entry, or null; with <paramref name="outs"/> null only the paths and hashes are checked.</summary>
    public static string? Problem(CacheManifest manifest, IReadOnlyCollection<string>? outs)
    {
        foreach (var (outPath, files) in manifest.Files)
        {
            if (!IsSafeRelative(outPath))
            {
                return $"it names '{outPath}', which is not a relative path inside the workspace";
            }
            if (outs is not null && !outs.Contains(outPath, StringComparer.Ordinal))
            {
                return $"it names '{outPath}', which is not an out of the stage ({string.Join(", ", outs)})";
            }
            foreach (var file in files)
            {
                if (file.Path.Length > 0 && !IsSafeRelative(file.Path))
                {
                    return $"it names '{outPath}/{file.Path}', which is outside '{outPath}'";
                }
                if (!IsHash(file.Hash))
                {
                    return $"it names an object '{file.Hash}' that is not a content hash";
                }
            }
        }
        if (outs is not null && outs.FirstOrDefault(o => !manifest.Files.ContainsKey(o)) is { } absent)
        {
            return $"it has no files for the out '{absent}'";
        }
        return null;
    }

    /// <summary>A lower-case hex XxHash128, as the cache names its objects and entries.</summary>
    public static bool IsHash(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    private static bool IsSafeRelative(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains('\0', StringComparison.Ordinal)
        && path.Split('/').All(part => part is not ("" or "." or ".."));
}
