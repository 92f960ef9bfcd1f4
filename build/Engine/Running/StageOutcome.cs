namespace Pipeline.Engine.Running;

public enum StageOutcome
{
    Ran,
    Skipped,
    Restored,
    Failed,
    NotRun,
}

public sealed record StageResult(string Stage, StageOutcome Outcome, TimeSpan Duration);
