using System.Diagnostics;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running.Restoring;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>
/// The engine's front: a plan for a request (<see cref="Planner"/>), that plan carried out (<see cref="Scheduler"/>,
/// <see cref="StepRunner"/>), and restores of recorded runs for Apply and Pull (<see cref="Restorer"/>). --dryrun,
/// Status and the run all read the one plan.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly Workspace workspace;
    private readonly StageGraph graph;
    private readonly IRunReporter reporter;
    private readonly ContentHasher hasher;
    private readonly ICodeVersions codes;
    private readonly StageStateReader state;
    private readonly RunCache cache;
    private readonly LockFile lockFile;
    private readonly Planner planner;
    private readonly Func<string, string?> environment;
    private readonly Comparison? comparison;
    private readonly Dictionary<string, string> changes = new(StringComparer.Ordinal);

    public PipelineRunner(Workspace workspace, StageGraph graph, Func<Stage, SortedDictionary<string, string>> paramsOf,
        ICodeVersions codes, IRunReporter reporter, Func<string, string?>? environment = null, Comparison? comparison = null)
    {
        this.comparison = comparison;
        this.environment = environment ?? Environment.GetEnvironmentVariable;
        this.workspace = workspace;
        this.graph = graph;
        this.reporter = reporter;
        this.codes = codes;
        lockFile = LockFile.Read(workspace.LockFile, Workspace.LockFileName);
        hasher = new ContentHasher(workspace.Root, HashMemo.Load(workspace.HashMemoFile));
        state = new StageStateReader(hasher, codes, paramsOf, ChangesOf);
        cache = new RunCache(workspace.CacheDir, reporter.Warn);
        planner = new Planner(graph, state, lockFile, cache);
    }

    /// <summary>
    /// With --pull: brings a stage's run-cache entry from the shared remote into the local cache; true when it came.
    /// Asked only for a stage that would otherwise run and may be restored (never forced or always-changed).
    /// </summary>
    public Func<Stage, string, bool>? Pull { get; init; }

    /// <summary>How many stages with no path between them may run at once (--jobs); 1 runs them one by one in graph order.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>What a run of the request will do, and why; every input checked first. The run carries out exactly this.</summary>
    public Plan Plan(RunRequest request)
    {
        var target = graph.Find(request.Target);
        var stages = graph.Closure(target, request.Exclusive);
        StartChecks.Inputs(workspace, graph, stages);
        StartChecks.Stages(workspace, stages, environment);
        return Saved(planner.Plan(stages, request.Force ? target : null));
    }

    /// <summary>Every stage's decision, for Status.</summary>
    public Plan PlanAll()
    {
        StartChecks.Inputs(workspace, graph, graph.Ordered);
        return Saved(planner.Plan(graph.Ordered, forced: null));
    }

    /// <summary>Carries out <paramref name="plan"/> (the caller holds the workspace lock).</summary>
    public RunResult Run(Plan plan)
    {
        Housekeeping.Sweep(workspace, cache, reporter);
        var executor = NewExecutor();
        IRestoreSource[] sources = Pull is { } pull ? [new LocalCacheSource(cache), new RemoteCacheSource(pull)] : [new LocalCacheSource(cache)];
        var steps = new StepRunner(state, planner, lockFile, executor, new Restorer(executor, sources), reporter, workspace.CacheDir);
        try
        {
            var results = new Scheduler(graph, Jobs).Run(plan, steps.Execute);
            var failed = results.FirstOrDefault(r => r.Error is not null);
            return new RunResult([.. results.Select(r => r.Result)], failed?.ExitCode ?? ExitCodes.Success, failed?.Error);
        }
        finally
        {
            hasher.Memo.Save();
            codes.Save();
        }
    }

    public RunResult Run(RunRequest request) => Run(Plan(request));

    /// <summary>Puts every stage back as <paramref name="records"/> left it, from the run-cache, running nothing (Apply).</summary>
    public RunResult Restore(IReadOnlyDictionary<string, StageRecord> records) =>
        Restore(records, keepMatching: false, missing: "its run-cache entry is missing, damaged or refused; the stages before it were restored");

    /// <summary>
    /// Pull: every stage whose outs are not what pipeline.lock records is put back from the run-cache (which the pull
    /// just filled), and only with the outs the lock records; a stage whose outs match is skipped. Runs nothing.
    /// </summary>
    public RunResult RestoreLocked() => Restore(lockFile.Stages, keepMatching: true,
        missing: "neither the run-cache nor the remote has an entry that gives what pipeline.lock records (push it from where it ran, or run the stage)");

    /// <summary>The stages <see cref="RestoreLocked"/> would restore (their outs differ from the lock's), for Pull --dryrun.</summary>
    public IReadOnlyList<string> LockedStale() =>
        [.. graph.Ordered.Where(s => !lockFile.Stages.TryGetValue(s.Key, out var r) || !OutsMatch(s, r)).Select(s => s.Name)];

    private RunResult Restore(IReadOnlyDictionary<string, StageRecord> records, bool keepMatching, string missing)
    {
        OutputCommitter.Delete(workspace.TempDir);
        var executor = NewExecutor();
        var restorer = new Restorer(executor, [new LocalCacheSource(cache)]);
        var results = new List<StageResult>();
        string? error = null;
        try
        {
            foreach (var stage in graph.Ordered)
            {
                var clock = Stopwatch.StartNew();
                var outcome = error is not null ? StageOutcome.NotRun
                    : !records.TryGetValue(stage.Key, out var record) ? StageOutcome.Failed
                    : keepMatching && OutsMatch(stage, record) ? StageOutcome.Skipped
                    : restorer.TryRestore(stage, record, record.Fingerprint(stage.Key), mustGive: record.Outs) ?? StageOutcome.Failed;
                if (outcome == StageOutcome.Failed)
                {
                    error = records.ContainsKey(stage.Key) ? $"{stage.Name}: {missing}" : $"{stage.Name}: pipeline.lock has no entry for it; run the pipeline once";
                }
                results.Add(new StageResult(stage.Name, outcome, clock.Elapsed));
            }
        }
        finally
        {
            hasher.Memo.Save();
        }
        return new RunResult(results, error is null ? ExitCodes.Success : ExitCodes.Failed, error);
    }

    private bool OutsMatch(Stage stage, StageRecord record) =>
        state.Outs(stage).All(o => o.Value is not null && record.Outs.GetValueOrDefault(o.Key) == o.Value);

    /// <summary>The fingerprints pipeline.lock names, per stage: what Push sends and Pull fetches.</summary>
    public IReadOnlyDictionary<string, string> LockedFingerprints() =>
        lockFile.Stages.ToDictionary(s => s.Key, s => s.Value.Fingerprint(s.Key), StringComparer.Ordinal);

    /// <summary>Each stage that would not skip, with the fingerprint of the entry that would restore it: its current one when its inputs are all there, else the lock's when its own code and params are unchanged (null when neither).</summary>
    public IReadOnlyList<(string Stage, string? Fingerprint)> Wanted()
    {
        var plan = PlanAll();
        var wanted = new List<(string, string?)>();
        foreach (var step in plan.Steps.Where(s => s.Decision is not Decision.Skip))
        {
            var current = state.Current(step.Step, out var absent);
            var locked = lockFile.Stages.GetValueOrDefault(step.Step.Key);
            wanted.Add((step.Stage, absent.Count == 0 && step.AfterUpstream.Count == 0 ? current.Fingerprint(step.Step.Key)
                : locked is not null && locked.Code == current.Code && locked.Params.SequenceEqual(current.Params) ? locked.Fingerprint(step.Step.Key)
                : null));
        }
        hasher.Memo.Save();
        return wanted;
    }

    private StageExecutor NewExecutor() =>
        new(workspace, hasher, cache, lockFile, reporter, environment, s => changes.GetValueOrDefault(s.Key));

    private Plan Saved(Plan plan)
    {
        hasher.Memo.Save();
        codes.Save();
        return plan;
    }

    /// <summary>For a stage that shows changes, in a run with --rev: the changes as they stand now, kept for the stage, and their hash as a dep.</summary>
    private (string Key, string Hash)? ChangesOf(Stage stage)
    {
        if (!stage.ShowsChanges || comparison is null)
        {
            return null;
        }
        var text = comparison.Render();
        changes[stage.Key] = text;
        return (comparison.DepKey, ContentHasher.HashText(text));
    }
}
