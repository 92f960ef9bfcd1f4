using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running.Restoring;

/// <summary>The shared remote (--pull): an entry it holds is downloaded, checked object by object, into the local run-cache.</summary>
internal sealed class RemoteCacheSource(Func<Stage, string, bool> pull) : IRestoreSource
{
    public StageOutcome Outcome => StageOutcome.Pulled;

    public bool Bring(Stage stage, string fingerprint) => pull(stage, fingerprint);
}
