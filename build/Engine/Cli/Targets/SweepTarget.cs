using System.Globalization;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Running;
using Pipeline.Engine.Sweeps;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Sweep: many experiments at once. The points (the grid of the --set axes, or a --sweep file's) are all checked before
/// any runs; each runs the whole pipeline in its own workspace under .pipeline/sweeps/ID, sharing the run-cache, so
/// the user's params.yaml, outputs and lock are never touched. Ends with the points ranked by the headline metric.
/// </summary>
internal sealed class SweepTarget : Target
{
    public override string Name => "Sweep";
    public override string Kind => "command";
    public override string Description => "Run many experiments: every point of --set KEY=V1,V2 axes (or --sweep=FILE), --jobs=N at once, ranked";
    public override TargetEffect Effect => TargetEffect.Workspace;
    public override IReadOnlyList<TargetOption> Options { get; } =
    [
        SharedOptions.SweepSet, SharedOptions.SweepFile, SharedOptions.PointJobs, SharedOptions.On, SharedOptions.Detach, SharedOptions.Collect,
        SharedOptions.Sort, SharedOptions.DryRun, SharedOptions.NoWait,
    ];
    public override string DryRunHelp => "lists the points (checked) and which an earlier run of the sweep finished; runs, submits and writes nothing";

    public override int Run(TargetContext context)
    {
        var options = context.Options;
        var user = context.Workspace;
        var collect = options.Text(SharedOptions.Collect.Name);
        var (folder, grid) = collect is null ? New(context) : Earlier(context, collect);
        var points = Checked(context, grid, options.Text(SharedOptions.SweepFile.Name));
        var jobs = options.Number(SharedOptions.PointJobs.Name) ?? 1;
        var host = HostCommand.For(context.Session.Environment, Path.GetFullPath(user.CacheDir));
        var detach = options.Flag(SharedOptions.Detach.Name);
        var metric = options.Text(SharedOptions.Sort.Name) ?? context.Session.Definition.HeadlineMetric;
        ISweepView view = context.Console.Profile.Capabilities.Interactive && context.Verbosity != Verbosity.Verbose
            ? new SweepLiveView(context.Console, folder.Id, points.Count, metric)
            : new SweepProgress(folder.Id, points.Count, metric, context.Out.WriteLine);
        var executor = SweepExecutors.Create(options.Text(SharedOptions.On.Name) ?? "here", folder, host, context.Session.Environment, jobs,
            options.Given(SharedOptions.PointJobs.Name), detach, collect is not null, view.Say);
        if (context.DryRun)
        {
            return DryRun(context, folder, [.. points.Select(p => p.Point)], executor);
        }
        var reporter = context.Reporter();
        using var hold = Hold(context, folder, reporter);
        folder.SavePoints(points.Select(p => p.Point));
        foreach (var stage in points.SelectMany(p => p.Graph.Ordered).DistinctBy(s => s.CodeType))
        {
            _ = context.Codes.Of(stage.CodeType); // worked out once here, copied into every point's workspace
        }
        context.Codes.Save();
        var metricFiles = points[0].Graph.Ordered.SelectMany(s => s.Metrics).Distinct().ToList();
        context.Out.WriteLine($"Sweep {folder.Id}: {points.Count} point(s) of the {context.Session.Definition.DefaultTarget} pipeline, {executor.Describe}; " +
            $"logs in {Path.GetRelativePath(user.Root, Path.Combine(folder.Root, "logs"))}");
        var collector = new PointCollector(folder, new ExperimentStore(user.ExperimentsDir, context.Session.Warn), metricFiles, context.Session.Warn);
        if (context.Out == Console.Out)
        {
            SweepInterruption.Watch(context.Session.Errors, executor, folder);
        }
        var remote = Remote.RemoteConfig.Find(user.Root, context.Session.Environment.Variable) is not null;
        var results = new SweepRunner(user, folder, context.Session.Definition.DefaultTarget, collector, view) { Remote = remote }.Run(points, executor);
        if (detach)
        {
            context.Out.WriteLine($"Sweep {folder.Id} goes on in Slurm; --target=Sweep --collect={folder.Id} follows it and gathers its points.");
            return ExitCodes.Success;
        }
        return Finish(context, folder, results, metric);
    }

    /// <summary>A sweep from the command line: its points, and its folder named by them.</summary>
    private static (SweepFolder, IReadOnlyList<SweepPoint>) New(TargetContext context)
    {
        var sets = context.Options.All(SharedOptions.SweepSet.Name);
        var file = context.Options.Text(SharedOptions.SweepFile.Name);
        if (sets.Count == 0 && file is null)
        {
            throw new PipelineException("Sweep needs its points: --set KEY=V1,V2 (one axis each, crossed) or --sweep=FILE", ExitCodes.BadUsage);
        }
        var points = SweepGrid.From(sets, file, context.Workspace.Root);
        return (new SweepFolder(context.Workspace, IdOf(context, points)), points);
    }

    /// <summary>--collect=ID: the sweep that ran (or was submitted) before, with the points it kept.</summary>
    private static (SweepFolder, IReadOnlyList<SweepPoint>) Earlier(TargetContext context, string id)
    {
        if (context.Options.All(SharedOptions.SweepSet.Name).Count > 0 || context.Options.Text(SharedOptions.SweepFile.Name) is not null)
        {
            throw new PipelineException("--collect takes the sweep's points from its first run: give it without --set or --sweep", ExitCodes.BadUsage);
        }
        var folder = new SweepFolder(context.Workspace, id);
        var points = id.All(char.IsAsciiHexDigitLower) ? folder.LoadPoints() : null;
        return (folder, points ?? throw new PipelineException($"--collect {TerminalText.Safe(id)}: no such sweep here (.pipeline/sweeps has its folders)", ExitCodes.BadUsage));
    }

    /// <summary>One run of a sweep at a time: the same sweep started again waits for it, saying so (or with --no-wait fails).</summary>
    private static WorkspaceLock Hold(TargetContext context, SweepFolder folder, ConsoleReporter reporter) =>
        WorkspaceLock.Acquire(new Workspace(folder.Root), context.Wait, _ => reporter.Notice($"Sweep {folder.Id} is running in another process; waiting for it to end..."),
            holder => new PipelineException($"sweep {folder.Id} is running in another process ({holder}); drop --no-wait to wait for it", ExitCodes.Failed));

    /// <summary>Every point bound like a run's --set, before anything runs; a file's point is named by its number.</summary>
    private static List<(SweepPoint Point, StageGraph Graph)> Checked(TargetContext context, IReadOnlyList<SweepPoint> points, string? file)
    {
        var checkedPoints = new List<(SweepPoint, StageGraph)>(points.Count);
        foreach (var point in points)
        {
            try
            {
                checkedPoints.Add((point, context.Pipeline.Bind(point.Assignments).Graph));
            }
            catch (PipelineException e) when (file is not null)
            {
                throw new PipelineException($"--sweep {file}, point {point.Index} ({point.Label}): {e.Message}", e.ExitCode);
            }
        }
        return checkedPoints;
    }

    /// <summary>The sweep's id: its points, params.yaml and the pipeline's build, so the same command on the same state finds its results.</summary>
    private static string IdOf(TargetContext context, IEnumerable<SweepPoint> points)
    {
        var definition = context.Session.Definition;
        var build = string.Join(',', definition.OwnAssemblies.Append(definition.TasksAssembly).Select(a => a.ManifestModule.ModuleVersionId.ToString()));
        var text = string.Join('\n', points.Select(p => p.Label).Prepend(File.ReadAllText(context.Workspace.ParamsFile)).Prepend(build));
        return ContentHasher.HashText(text)[..8];
    }

    private static int DryRun(TargetContext context, SweepFolder folder, List<SweepPoint> points, ISweepExecutor executor)
    {
        var earlier = points.Select(p => folder.Read(p)).ToList();
        var done = earlier.Count(e => e is not null);
        context.Out.WriteLine($"Sweep {folder.Id}: {points.Count} point(s), each checked; {points.Count - done} would run {executor.Describe}, {done} done by an earlier run:");
        foreach (var (point, result) in points.Zip(earlier))
        {
            var state = result is null ? "would run" : $"done earlier: experiment {result.Experiment}";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  point {point.Index}: {TerminalText.Safe(point.Label)}  ({state})"));
        }
        context.Out.WriteLine("Nothing was run or written (--dryrun).");
        return ExitCodes.Success;
    }

    private static int Finish(TargetContext context, SweepFolder folder, IReadOnlyList<PointResult> results, string? metric)
    {
        var known = results.SelectMany(r => r.Metrics.Keys).Distinct().ToList();
        if (metric is not null && !known.Contains(metric) && known.Count > 0)
        {
            context.Session.Warn($"--sort {metric}: not a metric of the points (known: {string.Join(", ", known)}); ranked by {known[0]}");
            metric = null;
        }
        metric ??= results.SelectMany(r => r.Intervals.Keys).FirstOrDefault() ?? known.FirstOrDefault() ?? "none";
        var report = new SweepReport(folder.Id, metric, results);
        var reports = Path.Combine(context.Workspace.Root, "reports", "sweeps");
        Directory.CreateDirectory(reports);
        AtomicFile.WriteAllText(Path.Combine(reports, $"{folder.Id}.md"), report.Markdown());
        AtomicFile.WriteAllText(Path.Combine(reports, $"{folder.Id}.json"), report.Json());
        context.Out.WriteLine();
        context.Out.Write(TerminalText.Safe(report.Markdown(), keepNewlines: true));
        context.Out.WriteLine($"\nWritten: reports/sweeps/{folder.Id}.md and .json. Each point is an experiment: --target=Experiments --sweep={folder.Id}; --target=Apply --exp=ID puts one in the workspace.");
        return report.Failed.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}
