namespace Pipeline.Engine.Planning;

/// <summary>When a stage that must change may be restored from the run-cache instead of run.</summary>
internal static class CacheRule
{
    /// <summary>
    /// Never when forced (the user asked for a run), never for an always-changed stage (what it reads is outside
    /// the workspace, so its fingerprint cannot tell), and never while upstream stages are about to change its
    /// inputs (its fingerprint is not known until they have run). Otherwise yes, when the fingerprint ran before.
    /// </summary>
    public static bool MayRestore(bool forced, bool alwaysChanged, int upstreamChanging) => !forced && !alwaysChanged && upstreamChanging == 0;
}
