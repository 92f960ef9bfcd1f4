using Pipeline.Engine.Diagnostics;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>A stage of the pipeline: brings it up to date with what it depends on, or with --dryrun prints the plan it would carry out.</summary>
internal sealed class StageTarget(string name, string description) : Target
{
    public override string Name => name;

    public override string Kind => "stage";

    public override string Description => description;

    public override TargetEffect Effect => TargetEffect.Workspace;

    public override IReadOnlyList<TargetOption> Options { get; } =
    [
        SharedOptions.Force, SharedOptions.Exclusive, SharedOptions.DryRun, SharedOptions.Set, SharedOptions.Jobs, SharedOptions.Pull,
        SharedOptions.ReportRev, SharedOptions.NoWait, SharedOptions.Tree,
    ];

    public override string DryRunHelp => "prints the plan (each stage: skip, restore or run, and why) and changes nothing; the run carries out that plan";

    public override int Run(TargetContext context)
    {
        var options = context.Options;
        var workspace = context.Workspace;
        var inputs = UpToDateStamp.Capture(workspace.Root, [Workspace.ParamsFileName]);
        var bound = context.Pipeline.Bind(options.All(SharedOptions.Set.Name));
        StartupTrace.Mark("params");
        var graph = bound.Graph;
        if (options.Flag(SharedOptions.Tree.Name))
        {
            DagView.Tree(graph, graph.Find(Name), context.Out);
            return ExitCodes.Success;
        }
        var request = new RunRequest(graph.Find(Name).Name, options.Flag(SharedOptions.Force.Name), options.Flag(SharedOptions.Exclusive.Name));
        var stages = graph.Closure(graph.Find(Name), request.Exclusive);
        var jobs = options.Number(SharedOptions.Jobs.Name) ?? 1;
        var reporter = context.Reporter(sideBySide: jobs > 1);
        var rev = options.Text(SharedOptions.ReportRev.Name) is { } given ? Revision.Check(given) : null;
        var comparison = rev is not null ? ChangesSection.For(workspace, graph, rev, bound.Flat) : null;
        var produced = stages.SelectMany(s => s.Outs).ToHashSet(StringComparer.Ordinal);
        inputs = inputs.With(UpToDateStamp.Capture(workspace.Root, [.. stages.SelectMany(s => s.Deps).Where(d => !produced.Contains(d))]));
        if (context.DryRun)
        {
            PlanView.ShowPlan(context.Runner(bound, reporter, comparison).Plan(request), context.Console);
            return ExitCodes.Success;
        }
        using var hold = WorkspaceLock.Acquire(workspace, context.Wait, reporter.Notice);
        UpToDateStamp.Void(workspace.Root);
        if (context.Out == Console.Out)
        {
            Interruption.Watch(context.Session.Errors);
        }
        var opened = new List<IDisposable>();
        var runner = new PipelineRunner(workspace, graph, bound.ParamsOf, context.Codes, reporter, context.Session.Environment.Variable, comparison)
        {
            Pull = options.Flag(SharedOptions.Pull.Name) ? RemoteTargets.PullHook(workspace, context.Session, reporter, opened) : null,
            Jobs = jobs,
        };
        StartupTrace.Mark("runner");
        RunResult result;
        try
        {
            result = runner.Run(runner.Plan(request));
        }
        finally
        {
            opened.ForEach(o => o.Dispose());
        }
        StartupTrace.Mark("run");
        SummaryView.Show(result, context.Console, context.Verbosity);
        if (result.ExitCode == ExitCodes.Success && stages.Count == graph.Ordered.Count && result.Stages.Any(s => s.Outcome != StageOutcome.Skipped))
        {
            ExperimentRecorder.Record(workspace, graph, bound.Yaml, reporter.Warn);
        }
        // A stage that reads from outside the workspace (a web API) is never up to date by the files alone.
        if (result.ExitCode == ExitCodes.Success && !request.Force && rev is null && context.Verbosity != Verbosity.Verbose && !stages.Any(s => s.AlwaysChanged))
        {
            UpToDateStamp.Write(workspace.Root, context.Session.Args, context.Verbosity.ToString(), stages.Select(s => s.Name), inputs,
                stages.SelectMany(s => s.Outs).Prepend(Workspace.LockFileName));
        }
        StartupTrace.Mark("recorded");
        if (result.Error is not null)
        {
            context.Error(result.Error);
        }
        return result.ExitCode;
    }
}
