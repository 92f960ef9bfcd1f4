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
        var results = new List<StageResult>();
        string? error = null;
        var exitCode = ExitCodes.Success;
        try
        {
            var executor = new StageExecutor(workspace, hasher, cache, lockFile, reporter, environment, s => changes.GetValueOrDefault(s.Key));
            foreach (var stage in stages)
            {
                if (error is not null)
                {
                    results.Add(new StageResult(stage.Name, StageOutcome.NotRun, TimeSpan.Zero));
                    continue;
                }
                var clock = Stopwatch.StartNew();
                Interruption.Started(stage.Name);
                try
                {
                    var outcome = RunOne(stage, stage == target && request.Force, executor);
                    results.Add(new StageResult(stage.Name, outcome, clock.Elapsed));
                    Interruption.Done(stage.Name, kept: outcome is StageOutcome.Ran or StageOutcome.Restored);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    var failure = e is InvalidDataException ? PipelineErrors.BadInput(stage.Name, e.Message) : PipelineErrors.StageFailed(stage.Name, e);
                    (error, exitCode) = (failure.Message, failure.ExitCode);
                    results.Add(new StageResult(stage.Name, StageOutcome.Failed, clock.Elapsed));
                }
                reporter.Finished(results[^1]);
            }
        }
        finally
        {
            hasher.Memo.Save();
            codes.Save();
        }
        return new RunResult(results, exitCode, error);
    }

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
    public RunResult Restore(IReadOnlyDictionary<string, StageRecord> records)
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
                var restored = records.TryGetValue(stage.Key, out var record) && executor.TryRestore(stage, record, record.Fingerprint(stage.Key));
                error = restored ? null : $"{stage.Name}: its run-cache entry is missing or damaged; the stages before it were restored";
                results.Add(new StageResult(stage.Name, restored ? StageOutcome.Restored : StageOutcome.Failed, clock.Elapsed));
            }
        }
        finally
        {
            hasher.Memo.Save();
        }
        return new RunResult(results, error is null ? ExitCodes.Success : ExitCodes.Failed, error);
    }

    private StageOutcome RunOne(Stage stage, bool force, StageExecutor executor)
    {
        var current = state.Current(stage, out var missing);
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"input '{missing[0]}' does not exist");
        }
        var decision = Decide(stage, current, force, upstreamChanging: []);
        reporter.Deciding(stage, decision);
        switch (decision)
        {
            case Decision.Skip:
                return StageOutcome.Skipped;
            case Decision.Restore restore when executor.TryRestore(stage, current, restore.Fingerprint):
                return StageOutcome.Restored;
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
