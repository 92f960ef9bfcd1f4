namespace Pipeline.Engine.Running;

internal enum StageOutcome
{
    Ran,
    Skipped,
    Restored,
    Failed,
    NotRun,
}

internal sealed record StageResult(string Stage, StageOutcome Outcome, TimeSpan Duration);
