using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Caching;

/// <summary>A run-cache entry: the stage record and, per out, the files that make it up.</summary>
internal sealed record CacheManifest
{
    public StageRecord Record { get; set; } = new();
    public SortedDictionary<string, List<CachedFile>> Files { get; set; } = new(StringComparer.Ordinal);
}

internal sealed record CachedFile
{
    /// <summary>Relative to the out; empty when the out is a single file.</summary>
    public string Path { get; set; } = "";
    public string Hash { get; set; } = "";
}
