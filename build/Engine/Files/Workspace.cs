namespace Pipeline.Engine.Files;

/// <summary>Where things live in a pipeline workspace.</summary>
public sealed record Workspace(string Root)
{
    public const string ParamsFileName = "params.yaml";
    public const string LockFileName = "pipeline.lock";
    public const string SharedCacheVariable = "PIPELINE_CACHE_DIR";

    public string ParamsFile => Path.Combine(Root, ParamsFileName);
    public string LockFile => Path.Combine(Root, LockFileName);
    public string StateDir => Path.Combine(Root, ".pipeline");
    public string CacheDir => SharedCache ?? Path.Combine(StateDir, "cache");
    public string ExperimentsDir => Path.Combine(StateDir, "experiments");

    /// <summary>Where the run-cache lives when it is not this workspace's own (a sweep's point uses the user's: PIPELINE_CACHE_DIR).</summary>
    public string? SharedCache { get; init; }
    public string TempDir => Path.Combine(StateDir, "tmp");
    public string HashMemoFile => Path.Combine(StateDir, "hashes.tsv");
    public string CodeMemoFile => Path.Combine(StateDir, "code-versions.tsv");
    public string RunLockFile => Path.Combine(StateDir, "run.lock");
    public string RunHolderFile => Path.Combine(StateDir, "run.pid");

    /// <summary>A stage's own folder that lasts between runs (e.g. a download cache); never hashed, never in the run-cache.</summary>
    public string StageStateDir(string stageKey) => Path.Combine(StateDir, "state", stageKey);
}
