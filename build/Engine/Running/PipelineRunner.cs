using System.Diagnostics;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>
/// Plans and runs stages in graph order. Planning (a list of decisions) is separate from running it;
/// while running, each stage is decided just before it starts, on the outputs its upstream just wrote.
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
    private readonly Func<string, string?> environment;
    private readonly Comparison? comparison;
    private readonly Dictionary<string, string> changes = new(StringComparer.Ordinal);
    private readonly Lock planGate = new();

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
    }

    /// <summary>
    /// With --pull: brings a stage's run-cache entry from the shared remote into the local cache; true when it came.
    /// Asked only for a stage that would otherwise run and may be restored (never forced or always-changed).
    /// </summary>
    public Func<Stage, string, bool>? Pull { get; init; }

    /// <summary>How many stages with no path between them may run at once (--jobs); 1 runs them one by one in graph order.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>What a run of the request would do, and why, without doing it.</summary>
    public IReadOnlyList<PlannedStage> Plan(RunRequest request)
    {
        var target = graph.Find(request.Target);
        var stages = graph.Closure(target, request.Exclusive);
        CheckStages(stages);
        return Plan(stages, request.Force ? target : null);
    }

    /// <summary>Every stage's decision, for Status.</summary>
    public IReadOnlyList<PlannedStage> PlanAll() => Plan(graph.Ordered, forced: null);

    public RunResult Run(RunRequest request)
    {
        var target = graph.Find(request.Target);
        var stages = graph.Closure(target, request.Exclusive);
        CheckInputs(stages);
        CheckStages(stages);
        // The caller holds the workspace lock: whatever is in the temp folder, or half-written in the cache, was left by a killed run.
        OutputCommitter.Delete(workspace.TempDir);
        Sweep();
        var executor = new StageExecutor(workspace, hasher, cache, lockFile, reporter, environment, s => changes.GetValueOrDefault(s.Key));
        try
        {
            var results = Jobs > 1 ? RunSideBySide(stages, target, request.Force, executor) : RunInOrder(stages, target, request.Force, executor);
            var failed = results.FirstOrDefault(r => r.Error is not null);
            return new RunResult([.. results.Select(r => r.Result)], failed?.ExitCode ?? ExitCodes.Success, failed?.Error);
        }
        finally
        {
            hasher.Memo.Save();
            codes.Save();
        }
    }

    private List<Attempt> RunInOrder(IReadOnlyList<Stage> stages, Stage target, bool force, StageExecutor executor)
    {
        var results = new List<Attempt>();
        foreach (var stage in stages)
        {
            if (results.Any(r => r.Error is not null))
            {
                results.Add(new Attempt(new StageResult(stage.Name, StageOutcome.NotRun, TimeSpan.Zero)));
                continue;
            }
            results.Add(RunStage(stage, stage == target && force, executor));
        }
        return results;
    }

    /// <summary>
    /// Up to <see cref="Jobs"/> stages at once: a stage starts when every stage before it in the graph has finished
    /// well. Decisions and commits take turns (one lock, one hash memo); the results keep the graph's order.
    /// </summary>
    private List<Attempt> RunSideBySide(IReadOnlyList<Stage> stages, Stage target, bool force, StageExecutor executor)
    {
        var finished = new Dictionary<Stage, Attempt>();
        var running = new Dictionary<Task<Attempt>, Stage>();
        var pending = stages.ToList();
        var failed = false;
        while (pending.Count > 0 || running.Count > 0)
        {
            foreach (var stage in failed ? [] : pending.Where(s => graph.Upstream(s).All(u => !stages.Contains(u) || finished.ContainsKey(u))).ToList())
            {
                if (running.Count >= Jobs)
                {
                    break;
                }
                pending.Remove(stage);
                running[Task.Run(() => RunStage(stage, stage == target && force, executor))] = stage;
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
        return [.. stages.Select(s => finished.TryGetValue(s, out var a) ? a : new Attempt(new StageResult(s.Name, StageOutcome.NotRun, TimeSpan.Zero)))];
    }

    /// <summary>One stage decided and run (or restored), its failure caught and told.</summary>
    private Attempt RunStage(Stage stage, bool force, StageExecutor executor)
    {
        var clock = Stopwatch.StartNew();
        Interruption.Started(stage.Name);
        Attempt attempt;
        try
        {
            var outcome = RunOne(stage, force, executor);
            attempt = new Attempt(new StageResult(stage.Name, outcome, clock.Elapsed));
            Interruption.Done(stage.Name, kept: outcome is StageOutcome.Ran or StageOutcome.Restored or StageOutcome.Pulled);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interruption.Done(stage.Name, kept: false);
            var failure = e is InvalidDataException ? PipelineErrors.BadInput(stage.Name, e.Message) : PipelineErrors.StageFailed(stage.Name, e);
            attempt = new Attempt(new StageResult(stage.Name, StageOutcome.Failed, clock.Elapsed), failure.Message, failure.ExitCode);
        }
        reporter.Finished(attempt.Result);
        return attempt;
    }

    private sealed record Attempt(StageResult Result, string? Error = null, int ExitCode = ExitCodes.Success);


    /// <summary>Temporary files a killed run or a full disk left in .pipeline (the cache's objects, the memos); only the lock holder runs this.</summary>
    private void Sweep()
    {
        var left = cache.SweepTemporaries() + (Directory.Exists(workspace.StateDir) ? Directory.EnumerateFiles(workspace.StateDir, "*.tmp").Count(TryDelete) : 0);
        if (left > 0)
        {
            reporter.Notice($"Removed {left} temporary file(s) an interrupted run left in .pipeline");
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Puts every stage back as <paramref name="records"/> left it, from the run-cache, running nothing (Apply).</summary>
    public RunResult Restore(IReadOnlyDictionary<string, StageRecord> records) =>
        Restore(records, keepMatching: false, missing: "its run-cache entry is missing or damaged; the stages before it were restored");

    /// <summary>
    /// Pull: every stage whose outs are not what pipeline.lock records is put back from the run-cache (which the
    /// pull just filled); a stage whose outs match is skipped. Runs nothing.
    /// </summary>
    public RunResult RestoreLocked() => Restore(lockFile.Stages, keepMatching: true,
        missing: "neither the run-cache nor the remote has the entry pipeline.lock names (push it from where it ran, or run the stage)");

    private RunResult Restore(IReadOnlyDictionary<string, StageRecord> records, bool keepMatching, string missing)
    {
        OutputCommitter.Delete(workspace.TempDir);
        var executor = new StageExecutor(workspace, hasher, cache, lockFile, reporter, environment, s => changes.GetValueOrDefault(s.Key));
        var results = new List<StageResult>();
        string? error = null;
        try
        {
            foreach (var stage in graph.Ordered)
            {
                var clock = Stopwatch.StartNew();
                if (error is not null)
                {
                    results.Add(new StageResult(stage.Name, StageOutcome.NotRun, TimeSpan.Zero));
                    continue;
                }
                if (!records.TryGetValue(stage.Key, out var record))
                {
                    error = $"{stage.Name}: pipeline.lock has no entry for it; run the pipeline once";
                    results.Add(new StageResult(stage.Name, StageOutcome.Failed, clock.Elapsed));
                    continue;
                }
                if (keepMatching && state.Outs(stage).All(o => o.Value is not null && record.Outs.GetValueOrDefault(o.Key) == o.Value))
                {
                    results.Add(new StageResult(stage.Name, StageOutcome.Skipped, clock.Elapsed));
                    continue;
                }
                var restored = executor.TryRestore(stage, record, record.Fingerprint(stage.Key));
                error = restored ? null : $"{stage.Name}: {missing}";
                results.Add(new StageResult(stage.Name, restored ? StageOutcome.Restored : StageOutcome.Failed, clock.Elapsed));
            }
        }
        finally
        {
            hasher.Memo.Save();
        }
        return new RunResult(results, error is null ? ExitCodes.Success : ExitCodes.Failed, error);
    }

    /// <summary>The fingerprints pipeline.lock names, per stage: what Push sends and Pull fetches.</summary>
    public IReadOnlyDictionary<string, string> LockedFingerprints() =>
        lockFile.Stages.ToDictionary(s => s.Key, s => s.Value.Fingerprint(s.Key), StringComparer.Ordinal);

    /// <summary>Each stage that would not skip, with the fingerprint of the entry that would restore it: its current one when its inputs are all there, else the lock's when its own code and params are unchanged (null when neither).</summary>
    public IReadOnlyList<(string Stage, string? Fingerprint)> Wanted()
    {
        var plan = PlanAll();
        var wanted = new List<(string, string?)>();
        foreach (var stage in graph.Ordered)
        {
            if (plan.First(p => p.Stage == stage.Name).Decision is Decision.Skip)
            {
                continue;
            }
            var current = state.Current(stage, out var absent);
            var locked = lockFile.Stages.GetValueOrDefault(stage.Key);
            var upstreamStale = graph.Upstream(stage).Any(u => plan.First(p => p.Stage == u.Name).Decision is not Decision.Skip);
            wanted.Add((stage.Name, absent.Count == 0 && !upstreamStale ? current.Fingerprint(stage.Key)
                : locked is not null && locked.Code == current.Code && locked.Params.SequenceEqual(current.Params) ? locked.Fingerprint(stage.Key)
                : null));
        }
        hasher.Memo.Save();
        return wanted;
    }

    private StageOutcome RunOne(Stage stage, bool force, StageExecutor executor)
    {
        StageRecord current;
        Decision decision;
        var pulled = false;
        lock (planGate)
        {
            current = state.Current(stage, out var missing);
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"input '{missing[0]}' does not exist");
            }
            decision = Decide(stage, current, force, upstreamChanging: []);
            if (decision is Decision.Run && Pull is { } pull && CacheRule.MayRestore(force, stage.AlwaysChanged, upstreamChanging: 0))
            {
                var fingerprint = current.Fingerprint(stage.Key);
                if (pull(stage, fingerprint))
                {
                    (decision, pulled) = (new Decision.Restore(fingerprint, decision.Why), true);
                }
            }
            reporter.Deciding(stage, decision);
        }
        switch (decision)
        {
            case Decision.Skip:
                return StageOutcome.Skipped;
            case Decision.Restore restore when executor.TryRestore(stage, current, restore.Fingerprint):
                return pulled ? StageOutcome.Pulled : StageOutcome.Restored;
            default:
                executor.Run(stage, current);
                return StageOutcome.Ran;
        }
    }

    private List<PlannedStage> Plan(IReadOnlyList<Stage> stages, Stage? forced)
    {
        CheckInputs(stages);
        var changing = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<PlannedStage>();
        foreach (var stage in stages)
        {
            var current = state.Current(stage, out _);
            var upstreamChanging = graph.Upstream(stage).Where(u => changing.Contains(u.Name)).Select(u => u.Key).ToList();
            var decision = Decide(stage, current, stage == forced, upstreamChanging);
            if (decision is not Decision.Skip)
            {
                changing.Add(stage.Name);
            }
            plan.Add(new PlannedStage(stage.Name, decision));
        }
        hasher.Memo.Save();
        codes.Save();
        return plan;
    }

    /// <summary>
    /// The one decision rule, for runs and plans alike: skip when nothing changed; restore when this fingerprint
    /// ran before (never when forced, always-changed, or with upstream stages about to change its inputs); else run.
    /// </summary>
    private Decision Decide(Stage stage, StageRecord current, bool force, List<string> upstreamChanging)
    {
        var reasons = Freshness.Reasons(stage, current, lockFile.Stages.GetValueOrDefault(stage.Key), state.Outs(stage));
        reasons.AddRange(upstreamChanging.Select(u => new ChangeReason.UpstreamChanging(u)));
        if (force)
        {
            reasons.Insert(0, new ChangeReason.Forced());
        }
        var fingerprint = current.Fingerprint(stage.Key);
        return reasons.Count == 0 ? new Decision.Skip()
            : CacheRule.MayRestore(force, stage.AlwaysChanged, upstreamChanging.Count) && cache.Contains(fingerprint) ? new Decision.Restore(fingerprint, reasons)
            : new Decision.Run(reasons);
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

    /// <summary>Each stage's own check (a login it needs, say), before any work starts.</summary>
    private void CheckStages(IReadOnlyList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            try
            {
                stage.Check(StageRunContext.ForCheck(workspace.Root, stage, new StageServices
                {
                    Environment = environment,
                    StateDirectory = workspace.StageStateDir(stage.Key),
                }));
            }
            catch (InvalidDataException e)
            {
                throw PipelineErrors.BadInput(stage.Name, e.Message);
            }
        }
    }

    /// <summary>Every input must exist, or be written by a stage that runs first: checked before any work starts.</summary>
    private void CheckInputs(IReadOnlyList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            foreach (var dep in stage.Deps)
            {
                var full = Path.Combine(workspace.Root, dep);
                if (File.Exists(full) || Directory.Exists(full))
                {
                    continue;
                }
                var producer = graph.ProducerOf(dep);
                if (producer is null)
                {
                    throw PipelineErrors.MissingInput(stage.Name, dep);
                }
                if (!stages.Contains(producer))
                {
                    throw PipelineErrors.MissingUpstreamOutput(stage.Name, dep, producer.Name);
                }
            }
        }
    }
}
