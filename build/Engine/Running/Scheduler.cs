using Pipeline.Engine.Graph;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Running;

/// <summary>
/// Executes a plan's steps, up to <c>jobs</c> at once (1: one by one in graph order): a step starts when every step
/// upstream of it has finished well; after a failure nothing new starts. Results keep the plan's order.
/// </summary>
internal sealed class Scheduler(StageGraph graph, int jobs)
{
    public List<StepResult> Run(Plan plan, Func<PlannedStage, StepResult> execute)
    {
        var steps = plan.Steps;
        var finished = new Dictionary<PlannedStage, StepResult>();
        var running = new Dictionary<Task<StepResult>, PlannedStage>();
        var pending = steps.ToList();
        var failed = false;
        while (!failed && pending.Count > 0 || running.Count > 0)
        {
            foreach (var step in failed ? [] : pending.Where(s => Ready(s, steps, finished)).ToList())
            {
                if (running.Count >= jobs)
                {
                    break;
                }
                pending.Remove(step);
                running[jobs == 1 ? Task.FromResult(execute(step)) : Task.Run(() => execute(step))] = step;
            }
            if (running.Count == 0)
            {
                break;
            }
            var done = Task.WhenAny(running.Keys).GetAwaiter().GetResult();
            finished[running[done]] = done.Result;
            running.Remove(done);
            failed |= done.Result.Error is not null;
        }
        return [.. steps.Select(s => finished.TryGetValue(s, out var r) ? r : StepResult.NotRun(s.Stage))];
    }

    private bool Ready(PlannedStage step, IReadOnlyList<PlannedStage> steps, Dictionary<PlannedStage, StepResult> finished) =>
        graph.Upstream(step.Step).All(u => steps.FirstOrDefault(s => s.Step == u) is not { } before || finished.ContainsKey(before));
}

/// <summary>How one step ended; the error and exit code when it failed.</summary>
internal sealed record StepResult(StageResult Result, string? Error = null, int ExitCode = Errors.ExitCodes.Success)
{
    public static StepResult NotRun(string stage) => new(new StageResult(stage, StageOutcome.NotRun, TimeSpan.Zero));
}
