namespace Pipeline.Engine.Running;

internal enum StageOutcome
{
    Ran,
    Skipped,
    Restored,

    /// <summary>Restored from the shared remote (--pull): its entry came down, checked, then restored like a local one.</summary>
    Pulled,
    Failed,
    NotRun,
}

internal sealed record StageResult(string Stage, StageOutcome Outcome, TimeSpan Duration);
