using Pipeline.Engine.Caching;
using Pipeline.Engine.Comparing;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Sweeps;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Compare: up to eight sides (revisions, the workspace, experiments, a sweep's points) next to each other, as the host's
/// view draws them. Each side's outputs come from the workspace, the run-cache or git, checked against that side's lock;
/// a side whose data is missing is named with what to run (exit 1), and nothing is drawn.
/// </summary>
internal sealed class CompareTarget(CompareView view) : Target
{
    public override string Name => "Compare";
    public override string Kind => "view";
    public override string Description => $"Revisions, experiments or a sweep's points side by side (--rev, --exp, --sweep): {view.Writes}";
    public override TargetEffect Effect => TargetEffect.Workspace;
    public override IReadOnlyList<TargetOption> Options { get; } =
        [SharedOptions.CompareRev, SharedOptions.CompareExp, SharedOptions.CompareSweep, SharedOptions.ComparePull, SharedOptions.DryRun];
    public override string DryRunHelp => "lists the sides and where each one's data would come from; writes and fetches nothing";

    public override int Run(TargetContext context)
    {
        var (revs, exps) = (context.Options.All(SharedOptions.CompareRev.Name), context.Options.All(SharedOptions.CompareExp.Name));
        var sweepId = context.Options.Text(SharedOptions.CompareSweep.Name);
        if (sweepId is not null && (revs.Count > 0 || exps.Count > 0))
        {
            throw new PipelineException("Compare takes --sweep=ID alone: a sweep's points are its sides (leave out --rev and --exp)", ExitCodes.BadUsage);
        }
        var workspace = context.Workspace;
        var metricsFiles = context.Pipeline.Bind([]).Graph.Ordered.SelectMany(s => s.Metrics).Distinct().ToList();
        var reads = view.Reads.Concat(metricsFiles).Distinct().ToList();
        var cache = new RunCache(workspace.CacheDir, context.Session.Warn);
        var folder = Path.Combine(workspace.StateDir, "compare");
        var tempRoot = Path.Combine(folder, $"sides.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var files = new SideFiles(workspace.Root, cache, tempRoot);
        var metric = context.Session.Definition.HeadlineMetric;
        (List<SideSpec> Sides, CompareSweep Sweep)? sweep = sweepId is null ? null : SweepSides.Of(context, sweepId, metricsFiles, files, metric);
        var sides = sweep?.Sides ?? CompareSides.Given(context, revs, exps);
        if (context.DryRun)
        {
            DryRun(context, sides, reads, files);
            return ExitCodes.Success;
        }
        if (context.Options.Flag(SharedOptions.ComparePull.Name))
        {
            Pull(context, sides.SelectMany(s => files.Lacking(s, reads)).Distinct().ToList(), cache);
        }
        SweepStale(folder);
        try
        {
            var brought = sides.Select(s => files.Bring(s, reads)).ToList();
            var missing = sides.Select((s, i) => (Side: s, brought[i].Missing)).Where(m => m.Missing.Count > 0).ToList();
            if (missing.Count > 0)
            {
                foreach (var (side, problems) in missing)
                {
                    context.Error($"Compare: side {Describe(side)}: {string.Join("; ", problems)}; {side.Remedy}");
                }
                return ExitCodes.Failed;
            }
            var metrics = SideMetrics.Of(sides.Count, metricsFiles, (s, path) => File.ReadAllText(brought[s].Files[path]));
            var compared = sides.Select((s, i) => new CompareSide(s.Label, s.Kind, s.Id)
            {
                Commit = s.Commit,
                Files = brought[i].Files,
                Params = Experiments.Experiment.ParamsOf(s.Stages),
                Metrics = metrics[i],
            }).ToList();
            try
            {
                return view.Render(new CompareRequest(workspace.Root, context.Out, compared)
                {
                    DifferingParams = SideMetrics.Differing([.. compared.Select(c => c.Params)]),
                    Sweep = sweep?.Sweep,
                    HeadlineMetric = metric,
                });
            }
            catch (InvalidDataException e)
            {
                throw PipelineErrors.BadInput(Name, e.Message);
            }
        }
        finally
        {
            if (Directory.Exists(tempRoot))
            {
                Directory.Delete(tempRoot, recursive: true);
            }
        }
    }

    private static string Describe(SideSpec side) => side.Commit is { } commit && commit != side.Label ? $"{TerminalText.Safe(side.Label)} ({commit})" : TerminalText.Safe(side.Label);

    private void DryRun(TargetContext context, List<SideSpec> sides, List<string> reads, SideFiles files)
    {
        context.Out.WriteLine($"Would compare {sides.Count} sides:");
        foreach (var side in sides)
        {
            var sources = reads.Select(r => files.Source(side, r) ?? "missing").Distinct().ToList();
            context.Out.WriteLine($"  {Describe(side)}: {side.Kind.ToString().ToLowerInvariant()} {side.Id}, data from {string.Join(" and ", sources)}");
        }
        context.Out.WriteLine($"and write {view.Writes}. Nothing was fetched or written (--dryrun).");
    }

    private static void Pull(TargetContext context, List<string> lacking, RunCache cache)
    {
        if (lacking.Count == 0)
        {
            return;
        }
        using var store = RemoteTargets.Open(context.Workspace, context.Session, "Compare --pull");
        var result = RemoteTargets.Sync(store, cache, context.Session).PullAsync(lacking).GetAwaiter().GetResult();
        context.Out.WriteLine(RemoteTargets.Line($"Pulled from {store.Display}: {result.EntriesWritten} of the {lacking.Count} entries the sides lacked"));
    }

    /// <summary>Temp folders a killed Compare left (their process is gone).</summary>
    private static void SweepStale(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var stale in Directory.EnumerateDirectories(folder, "sides.*.tmp").Where(d => !TempWriter.Alive(d)))
        {
            Directory.Delete(stale, recursive: true);
        }
    }
}
