using Pipeline.Engine.Files;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using YamlDotNet.Core;

namespace Pipeline.Engine.Caching;

/// <summary>
/// Stage outputs stored content-addressed under .pipeline/cache: objects/ab/cdef... holds file contents,
/// runs/FINGERPRINT.yaml says which objects a run produced. Every write goes to a temp name and is moved
/// into place. A damaged entry is dropped with a warning; it never fails a run.
/// </summary>
internal sealed class RunCache(string root, Action<string> warn)
{
    public const string ObjectsFolder = "objects";
    public const string RunsFolder = "runs";

    /// <summary>An object's key, the same locally and on a remote: objects/ab/cdef...</summary>
    public static string ObjectKey(string hash) => $"{ObjectsFolder}/{hash[..2]}/{hash[2..]}";

    /// <summary>An entry's manifest key: runs/FINGERPRINT.yaml.</summary>
    public static string RunKey(string fingerprint) => $"{RunsFolder}/{fingerprint}.yaml";

    public string ObjectFile(string hash) => ObjectPath(hash);

    public string ManifestFile(string fingerprint) => ManifestPath(fingerprint);

    /// <summary>A temp file beside where <paramref name="key"/> goes (swept by <see cref="SweepTemporaries"/> if a kill leaves it).</summary>
    public string TempFile(string key)
    {
        var path = Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
    }

    /// <summary>Moves a downloaded, hash-checked object into place.</summary>
    public void AdoptObject(string temp, string hash)
    {
        var target = ObjectPath(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>Moves a downloaded manifest into place, once every object it names is here: the entry appears whole.</summary>
    public void AdoptManifest(string temp, string fingerprint)
    {
        var target = ManifestPath(fingerprint);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>The object hashes a manifest file names; null when it is not a manifest, or names an unsafe path or object.</summary>
    public static IReadOnlyList<string>? ReadObjects(string manifestFile)
    {
        try
        {
            var manifest = Yaml.Reader.Deserialize<CacheManifest?>(File.ReadAllText(manifestFile));
            return manifest is not null && ManifestCheck.Problem(manifest, outs: null) is null
                ? [.. manifest.Files.Values.SelectMany(f => f).Select(f => f.Hash)]
                : null;
        }
        catch (Exception e) when (e is YamlException or IOException)
        {
            return null;
        }
    }

    public void Store(string fingerprint, StageRecord record, IReadOnlyDictionary<string, TreeHash> outs, string outsRoot)
    {
        var manifest = new CacheManifest { Record = record };
        foreach (var (outPath, tree) in outs)
        {
            var source = Path.Combine(outsRoot, outPath);
            var files = new List<CachedFile>();
            foreach (var file in tree.Files)
            {
                var from = file.RelativePath.Length == 0 ? source : Path.Combine(source, file.RelativePath);
                StoreObject(from, file.Hash);
                files.Add(new CachedFile { Path = file.RelativePath, Hash = file.Hash });
            }
            manifest.Files[outPath] = files;
        }
        AtomicFile.WriteAllText(ManifestPath(fingerprint), Yaml.Writer.Serialize(manifest));
    }

    /// <summary>
    /// Copies a cached run's outs into <paramref name="intoRoot"/>, checking every byte; null when absent, damaged, or
    /// refused: an entry naming a path outside the stage's outs, or (with <paramref name="mustGive"/>, what pipeline.lock
    /// records) outs other than those, is refused before a byte is written and removed from the cache.
    /// </summary>
    public StageRecord? TryRestore(string stage, string stageKey, IReadOnlyCollection<string> outs, string fingerprint, string intoRoot,
        IReadOnlyDictionary<string, string>? mustGive = null)
    {
        var manifestPath = ManifestPath(fingerprint);
        if (!File.Exists(manifestPath))
        {
            return null;
        }
        CacheManifest manifest;
        try
        {
            manifest = Yaml.Reader.Deserialize<CacheManifest>(File.ReadAllText(manifestPath));
            if (manifest.Record.Fingerprint(stageKey) != fingerprint)
            {
                throw new InvalidDataException("its record does not give its fingerprint");
            }
        }
        catch (Exception e) when (e is IOException or YamlException or InvalidDataException or UnauthorizedAccessException)
        {
            warn($"{stage}: run-cache entry {fingerprint[..12]} is damaged ({e.Message}); dropping it and running the stage");
            File.Delete(manifestPath);
            return null;
        }
        if ((ManifestCheck.Problem(manifest, outs) ?? Disagreement(manifest, outs, mustGive)) is { } problem)
        {
            warn($"{stage}: run-cache entry {fingerprint[..12]} refused: {problem}; removed from the run-cache");
            File.Delete(manifestPath);
            return null;
        }
        try
        {
            foreach (var (outPath, files) in manifest.Files)
            {
                foreach (var file in files)
                {
                    var target = file.Path.Length == 0 ? Path.Combine(intoRoot, outPath) : Path.Combine(intoRoot, outPath, file.Path);
                    CopyVerified(ObjectPath(file.Hash), target, file.Hash);
                }
            }
            return manifest.Record;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            warn($"{stage}: run-cache entry {fingerprint[..12]} is damaged ({e.Message}); dropping it and running the stage");
            File.Delete(manifestPath);
            return null;
        }
    }

    /// <summary>Stores outs already in the workspace (a stage found up to date whose entry the cache lacks, e.g. on a fresh clone).</summary>
    public void StoreExisting(string fingerprint, StageRecord record, IReadOnlyDictionary<string, TreeHash> outs, string workspaceRoot)
    {
        if (!Contains(fingerprint))
        {
            Store(fingerprint, record, outs, workspaceRoot);
        }
    }

    private static string? Disagreement(CacheManifest manifest, IReadOnlyCollection<string> outs, IReadOnlyDictionary<string, string>? mustGive)
    {
        if (mustGive is null)
        {
            return null;
        }
        foreach (var path in outs)
        {
            var given = manifest.Record.Outs.GetValueOrDefault(path);
            var locked = mustGive.GetValueOrDefault(path);
            if (given != locked)
            {
                return $"it gives {path} as {Short(given)}, but pipeline.lock records {Short(locked)}";
            }
        }
        return null;
    }

    private static string Short(string? hash) => hash is null ? "nothing" : hash[..Math.Min(12, hash.Length)];

    public bool Contains(string fingerprint) => File.Exists(ManifestPath(fingerprint));

    /// <summary>Every entry's fingerprint.</summary>
    public List<string> Fingerprints()
    {
        var runs = Path.Combine(root, RunsFolder);
        return Directory.Exists(runs) ? [.. Directory.EnumerateFiles(runs, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()] : [];
    }

    /// <summary>The object hashes an entry refers to; empty when it cannot be read.</summary>
    public IEnumerable<string> ObjectsOf(string fingerprint) => ReadObjects(ManifestPath(fingerprint)) ?? [];

    /// <summary>Removes an entry (its manifest; the objects go with <see cref="PruneObjects"/>).</summary>
    public void Remove(string fingerprint) => File.Delete(ManifestPath(fingerprint));

    /// <summary>How many objects (and bytes) <see cref="PruneObjects"/> would delete, deleting nothing.</summary>
    public (int Count, long Bytes) Unused(IReadOnlySet<string> keep)
    {
        var objects = Path.Combine(root, ObjectsFolder);
        var unused = Directory.Exists(objects)
            ? Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories)
                .Where(f => !keep.Contains(Path.GetFileName(Path.GetDirectoryName(f)!) + Path.GetFileName(f))).ToList()
            : [];
        return (unused.Count, unused.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>Deletes every object not in <paramref name="keep"/> (and temp files left by a kill); how many and how many bytes.</summary>
    public (int Count, long Bytes) PruneObjects(IReadOnlySet<string> keep)
    {
        var objects = Path.Combine(root, ObjectsFolder);
        if (!Directory.Exists(objects))
        {
            return (0, 0);
        }
        var (count, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            var hash = Path.GetFileName(Path.GetDirectoryName(file)!) + name;
            if (keep.Contains(hash))
            {
                continue;
            }
            bytes += new FileInfo(file).Length;
            File.Delete(file);
            count++;
        }
        return (count, bytes);
    }

    /// <summary>
    /// Deletes the temporary files of writes that never finished (a kill, a full disk); the count removed. The cache may be
    /// shared (a sweep's points), so a file whose writer (the PID in its name) is this process or still alive is left.
    /// </summary>
    public int SweepTemporaries()
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var removed = 0;
        foreach (var temp in Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).Where(t => !TempWriter.Alive(t)))
        {
            File.Delete(temp);
            removed++;
        }
        return removed;
    }

    private void StoreObject(string source, string hash)
    {
        var target = ObjectPath(hash);
        if (File.Exists(target))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(source, temp, overwrite: true);
            File.Move(temp, target, overwrite: true);
        }
        catch (IOException e)
        {
            // A full disk: take the half-written copy away at once, and say where the write failed.
            File.Delete(temp);
            throw new IOException($"cannot store {source} in the run-cache at {temp}: {e.Message}", e);
        }
    }

    private static void CopyVerified(string source, string target, string hash)
    {
        if (!File.Exists(source))
        {
            throw new InvalidDataException($"object {hash[..12]} is missing");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        using var stream = File.OpenRead(target);
        if (ContentHasher.HashStream(stream) != hash)
        {
            throw new InvalidDataException($"object {hash[..12]} does not match its hash");
        }
    }

    private string ManifestPath(string fingerprint) => Path.Combine(root, RunsFolder, fingerprint + ".yaml");

    private string ObjectPath(string hash) => Path.Combine(root, ObjectsFolder, hash[..2], hash[2..]);
}
