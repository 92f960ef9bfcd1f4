using Pipeline.Engine.Caching;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running.Restoring;

/// <summary>The workspace's own run-cache, .pipeline/cache.</summary>
internal sealed class LocalCacheSource(RunCache cache) : IRestoreSource
{
    public StageOutcome Outcome => StageOutcome.Restored;

    public bool Bring(Stage stage, string fingerprint) => cache.Contains(fingerprint);
}
