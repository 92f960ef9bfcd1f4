namespace Pipeline.Engine.Planning;

/// <summary>
/// What a run will do, stage by stage, in graph order: made once, then printed (--dryrun, Status) or executed by
/// the scheduler. The run follows it: a stage planned to skip is never re-decided, and only a stage waiting on an
/// upstream one is decided (restore or run) when that upstream has written its outputs.
/// </summary>
internal sealed record Plan(IReadOnlyList<PlannedStage> Steps)
{
    /// <summary>The stages the run will touch (restore, pull or run), in order.</summary>
    public IReadOnlyList<string> Touched => [.. Steps.Where(s => s.Decision is not Decision.Skip).Select(s => s.Stage)];
}
