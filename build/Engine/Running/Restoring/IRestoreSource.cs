using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running.Restoring;

/// <summary>Where a stage's earlier outputs can come from: the local run-cache, or a shared remote that fills it.</summary>
internal interface IRestoreSource
{
    /// <summary>The outcome a restore from here is reported as.</summary>
    StageOutcome Outcome { get; }

    /// <summary>True when the entry is in the local run-cache now (a remote source downloads and checks it first).</summary>
    bool Bring(Stage stage, string fingerprint);
}
