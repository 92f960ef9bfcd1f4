namespace Pipeline.Engine.Hashing;

/// <summary>The content hash of a file or folder, with the files it is made of (relative paths, "" for a single file).</summary>
internal sealed record TreeHash(string Hash, IReadOnlyList<FileHash> Files);

internal sealed record FileHash(string RelativePath, string Hash, long Size);
