using Pipeline.Engine.Caching;
using Pipeline.Engine.Files;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>
/// Runs or restores one stage into a temp folder, then stores the outs in the run-cache, moves them
/// into place and records the lock, in that order: a kill at any point leaves the old outs and lock,
/// or new outs whose run the next start restores from the cache.
/// </summary>
internal sealed class StageExecutor(Workspace workspace, ContentHasher hasher, RunCache cache, LockFile lockFile, IRunReporter reporter,
    Func<string, string?> environment, Func<Stage, string?> changes)
{
    private readonly Lock gate = new();

    /// <summary>
    /// Restores the outs of an earlier identical run; false when the cache entry was unusable or refused. With
    /// <paramref name="mustGive"/> (the lock's or an experiment's outs) the restored bytes must hash to those.
    /// </summary>
    public bool TryRestore(Stage stage, StageRecord current, string fingerprint, IReadOnlyDictionary<string, string>? mustGive = null)
    {
        var temp = NewTempRoot(stage);
        try
        {
            var cached = cache.TryRestore(stage.Name, stage.Key, stage.Outs, fingerprint, temp, mustGive);
            if (cached is null)
            {
                return false;
            }
            return Commit(stage, current, temp, fingerprint, store: false, expected: mustGive ?? cached.Outs);
        }
        finally
        {
            OutputCommitter.Delete(temp);
        }
    }

    public void Run(Stage stage, StageRecord current)
    {
        var temp = NewTempRoot(stage);
        try
        {
            reporter.Running(stage, progress => stage.Run(new StageRunContext(workspace.Root, temp, stage, new StageServices
            {
                Progress = progress,
                Log = message => reporter.Log(stage, message),
                Warn = message => reporter.Warn($"{stage.Key}: {message}"),
                Environment = environment,
                StateDirectory = workspace.StageStateDir(stage.Key),
                Changes = changes(stage),
            })));
            var missing = stage.Outs.Where(o => !File.Exists(Path.Combine(temp, o)) && !Directory.Exists(Path.Combine(temp, o))).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"the stage finished without writing {string.Join(", ", missing)}");
            }
            Commit(stage, current, temp, current.Fingerprint(stage.Key), store: true);
        }
        finally
        {
            OutputCommitter.Delete(temp);
        }
    }

    /// <summary>
    /// A stage found up to date enters the run-cache when its entry is missing (a fresh clone, whose committed outs
    /// never ran here), so Apply, Push and Experiments can use it. Its outs are hashed as they are on disk.
    /// </summary>
    public void EnsureCached(Stage stage, StageRecord locked)
    {
        var fingerprint = locked.Fingerprint(stage.Key);
        if (cache.Contains(fingerprint) || stage.AlwaysChanged)
        {
            return;
        }
        lock (gate)
        {
            var trees = stage.Outs.ToDictionary(o => o, o => hasher.TryHash(o), StringComparer.Ordinal);
            if (trees.Any(t => t.Value is null || locked.Outs.GetValueOrDefault(t.Key) != t.Value.Hash))
            {
                return;
            }
            cache.StoreExisting(fingerprint, locked, trees.ToDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal), workspace.Root);
        }
    }

    /// <summary>Stores, moves into place and records the outs; false (nothing moved) when a restore's outs are not what its entry recorded.</summary>
    private bool Commit(Stage stage, StageRecord current, string temp, string fingerprint, bool store, IReadOnlyDictionary<string, string>? expected = null)
    {
        // Stages may run side by side (--jobs): the lock, the hash memo and the cache take one commit at a time.
        lock (gate)
        {
            return CommitAlone(stage, current, temp, fingerprint, store, expected);
        }
    }

    private bool CommitAlone(Stage stage, StageRecord current, string temp, string fingerprint, bool store, IReadOnlyDictionary<string, string>? expected)
    {
        var tempHasher = new ContentHasher(temp, HashMemo.InMemory());
        var outs = stage.Outs.ToDictionary(o => o, o => tempHasher.TryHash(o), StringComparer.Ordinal);
        if (expected is not null && stage.Outs.Any(o => outs[o]?.Hash is not { } hash || expected.GetValueOrDefault(o) != hash))
        {
            reporter.Warn($"{stage.Name}: run-cache entry {fingerprint[..12]} does not give the outs it recorded; dropping it and running the stage");
            cache.Remove(fingerprint);
            return false;
        }
        var trees = outs.ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var record = current with { Outs = new SortedDictionary<string, string>(trees.ToDictionary(kv => kv.Key, kv => kv.Value.Hash), StringComparer.Ordinal) };
        if (store)
        {
            cache.Store(fingerprint, record, trees, temp);
        }
        OutputCommitter.Commit(temp, stage.Outs, workspace);
        foreach (var (path, tree) in trees)
        {
            hasher.Adopt(path, tree);
        }
        lockFile.Stages[stage.Key] = record;
        lockFile.Write(workspace.LockFile);
        return true;
    }

    private string NewTempRoot(Stage stage)
    {
        var temp = Path.Combine(workspace.TempDir, $"{stage.Key}-{Environment.ProcessId}");
        OutputCommitter.Delete(temp);
        Directory.CreateDirectory(temp);
        return temp;
    }
}
