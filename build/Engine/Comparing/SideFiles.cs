using System.Text;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Comparing;

/// <summary>
/// Brings a side's outputs where the drawing can read them: the workspace's own files for the workspace; for a revision
/// or an experiment, the run-cache entry of the stage that made each (restored whole into a temp folder, every byte
/// checked against the side's record), or for a revision a file committed there whose bytes give the recorded hash.
/// An entry two sides share is restored once. What cannot be found is named, with the stage.
/// </summary>
internal sealed class SideFiles(string workspace, RunCache cache, string tempRoot)
{
    private readonly Dictionary<string, string> restored = new(StringComparer.Ordinal);

    /// <summary>Each read's path now, or the problems: "Embed's data/embedding is not in the run-cache".</summary>
    public (Dictionary<string, string> Files, List<string> Missing) Bring(SideSpec side, IReadOnlyList<string> reads)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var read in reads)
        {
            if (side.Stages.FirstOrDefault(s => s.Value.Outs.ContainsKey(read)) is not { Key: not null } owner)
            {
                missing.Add($"no stage of its pipeline.lock makes {read}");
                continue;
            }
            var path = side.Kind == CompareSideKind.Workspace ? Own(read) : Restored(side, owner.Key, read);
            if (path is null)
            {
                missing.Add(side.Kind == CompareSideKind.Workspace ? $"{read} is missing" : $"{owner.Key}'s {read} is not in the run-cache");
                continue;
            }
            files[read] = path;
        }
        return (files, missing);
    }

    /// <summary>Which stages' entries the side lacks in the local run-cache (their fingerprints), for --pull.</summary>
    public IEnumerable<string> Lacking(SideSpec side, IReadOnlyList<string> reads) => side.Kind == CompareSideKind.Workspace ? []
        : side.Stages.Where(s => reads.Any(s.Value.Outs.ContainsKey)).Select(s => s.Value.Fingerprint(s.Key)).Where(f => !cache.Contains(f));

    /// <summary>Where a read would come from, for --dryrun: "the workspace", "the run-cache", "git", or null when nowhere.</summary>
    public string? Source(SideSpec side, string read)
    {
        if (side.Kind == CompareSideKind.Workspace)
        {
            return Path.Exists(Path.Combine(workspace, read)) ? "the workspace" : null;
        }
        var owner = side.Stages.FirstOrDefault(s => s.Value.Outs.ContainsKey(read));
        return owner.Key is null ? null
            : cache.Contains(owner.Value.Fingerprint(owner.Key)) ? "the run-cache"
            : side.Rev is { } rev && Committed(rev, read, owner.Value.Outs[read]) is not null ? "git" : null;
    }

    /// <summary>A single-file output's text straight from the run-cache's object (checked against the side's record), or null.</summary>
    public string? Text(SideSpec side, string read)
    {
        if (side.Stages.Values.FirstOrDefault(s => s.Outs.ContainsKey(read)) is not { } record || !File.Exists(cache.ObjectFile(record.Outs[read])))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(cache.ObjectFile(record.Outs[read]));
        return ContentHasher.HashBytes(bytes) == record.Outs[read] ? Encoding.UTF8.GetString(bytes) : null;
    }

    private string? Own(string read) => Path.Exists(Path.Combine(workspace, read)) ? Path.Combine(workspace, read) : null;

    private string? Restored(SideSpec side, string stage, string read)
    {
        var record = side.Stages[stage];
        var fingerprint = record.Fingerprint(stage);
        if (!restored.TryGetValue(fingerprint, out var folder))
        {
            folder = Path.Combine(tempRoot, fingerprint[..16]);
            if (cache.TryRestore(stage, stage, record.Outs.Keys, fingerprint, folder, record.Outs) is null)
            {
                folder = "";
            }
            restored[fingerprint] = folder;
        }
        if (folder.Length > 0)
        {
            return Path.Combine(folder, read);
        }
        if (side.Rev is not { } rev || Committed(rev, read, record.Outs[read]) is not { } bytes)
        {
            return null;
        }
        var target = Path.Combine(tempRoot, "git", fingerprint[..16], read);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return target;
    }

    /// <summary>The file as committed at <paramref name="rev"/>, when its bytes give <paramref name="hash"/> (what that revision's lock records).</summary>
    private byte[]? Committed(string rev, string read, string hash)
    {
        var text = GitShow.Read(workspace, rev, read);
        if (text is null)
        {
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        return ContentHasher.HashBytes(bytes) == hash ? bytes : null;
    }
}
