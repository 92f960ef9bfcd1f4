using System.Diagnostics;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running.Restoring;

namespace Pipeline.Engine.Running;

/// <summary>
/// Carries out one planned step. Skip and Restore are done as planned (a damaged entry falls back to a run, with a
/// warning). A stage that waits on an upstream one is decided on the outputs that upstream just wrote: skipped when
/// they came out as before, restored when that fingerprint ran before, else run.
/// </summary>
internal sealed class StepRunner(StageStateReader state, Planner planner, LockFile lockFile, StageExecutor executor, Restorer restorer, IRunReporter reporter,
    string cacheDir)
{
    // Stages side by side (--jobs): state reads, the hash memo and decisions take turns.
    private readonly Lock gate = new();

    public StepResult Execute(PlannedStage step)
    {
        var clock = Stopwatch.StartNew();
        Interruption.Started(step.Stage);
        StepResult result;
        try
        {
            var outcome = Carry(step);
            result = new StepResult(new StageResult(step.Stage, outcome, clock.Elapsed));
            Interruption.Done(step.Stage, kept: outcome is StageOutcome.Ran or StageOutcome.Restored or StageOutcome.Pulled);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interruption.Done(step.Stage, kept: false);
            var failure = e is InvalidDataException ? PipelineErrors.BadInput(step.Stage, e.Message) : PipelineErrors.StageFailed(step.Stage, e);
            result = new StepResult(new StageResult(step.Stage, StageOutcome.Failed, clock.Elapsed), failure.Message, failure.ExitCode);
        }
        reporter.Finished(result.Result);
        return result;
    }

    private StageOutcome Carry(PlannedStage step)
    {
        var stage = step.Step;
        StageRecord current;
        Decision decision;
        lock (gate)
        {
            current = state.Current(stage, out var missing);
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"input '{missing[0]}' does not exist");
            }
            // Only a stage waiting on its upstream is decided now; every other step is what the plan said.
            decision = step.AfterUpstream.Count > 0 && !step.Forced ? planner.Decide(stage, current, force: false, upstreamChanging: []) : step.Decision;
        }
        switch (decision)
        {
            case Decision.Skip:
                reporter.Deciding(stage, decision);
                if (lockFile.Stages.GetValueOrDefault(stage.Key) is { } locked)
                {
                    executor.EnsureCached(stage, locked);
                }
                return StageOutcome.Skipped;
            case Decision.Restore restore when restorer.TryRestore(stage, current, restore.Fingerprint, localOnly: true) is { } restored:
                reporter.Deciding(stage, decision);
                return restored;
            case Decision.Run run when !step.Forced && CacheRule.MayRestore(false, stage.AlwaysChanged, 0)
                                       && restorer.TryRestore(stage, current, current.Fingerprint(stage.Key)) is { } brought:
                reporter.Deciding(stage, new Decision.Restore(current.Fingerprint(stage.Key), run.Because));
                return brought;
            default:
                return RunOnce(step, current, decision is Decision.Run ? decision : new Decision.Run(decision.Why));
        }
    }

    /// <summary>
    /// Runs the stage, holding its fingerprint's flight lock when its entry may be restored: a run sharing this cache that
    /// ran the same fingerprint meanwhile leaves an entry, restored instead of running again.
    /// </summary>
    private StageOutcome RunOnce(PlannedStage step, StageRecord current, Decision decision)
    {
        var stage = step.Step;
        var fingerprint = current.Fingerprint(stage.Key);
        // Upstream has already settled by now (0 changing): only --force and a stage that reads outside the workspace run regardless.
        using var flight = CacheRule.MayRestore(step.Forced, stage.AlwaysChanged, upstreamChanging: 0)
            ? FlightLock.Acquire(cacheDir, fingerprint, () => reporter.Notice($"{stage.Name}: waiting for another run of the same inputs"))
            : null;
        if (flight is not null && restorer.TryRestore(stage, current, fingerprint, localOnly: true) is { } restored)
        {
            reporter.Deciding(stage, new Decision.Restore(fingerprint, decision.Why));
            return restored;
        }
        reporter.Deciding(stage, decision);
        executor.Run(stage, current);
        return StageOutcome.Ran;
    }
}
