using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running.Restoring;

/// <summary>Restores a stage from the first source that holds its entry, local run-cache first; every restore goes through the same checks.</summary>
internal sealed class Restorer(StageExecutor executor, IReadOnlyList<IRestoreSource> sources)
{
    /// <summary>
    /// The outcome, or null when no source could give outs that pass the checks (paths inside the stage's declared outs,
    /// every byte matching its hash, and, when <paramref name="mustGive"/> is given, the hashes the lock records).
    /// </summary>
    public StageOutcome? TryRestore(Stage stage, StageRecord record, string fingerprint, IReadOnlyDictionary<string, string>? mustGive = null,
        bool localOnly = false)
    {
        foreach (var source in localOnly ? sources.Take(1) : sources)
        {
            if (source.Bring(stage, fingerprint) && executor.TryRestore(stage, record, fingerprint, mustGive))
            {
                return source.Outcome;
            }
        }
        return null;
    }
}
