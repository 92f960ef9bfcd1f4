using Pipeline.Engine.Diagnostics;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;
using Spectre.Console.Cli;

namespace Pipeline.Engine.Cli;

/// <summary>The one command: bind params, build the graph, then run, plan or describe the target.</summary>
internal sealed class BuildCommand<TParams> : Command<BuildSettings> where TParams : class, new()
{
    public override int Execute(CommandContext context, BuildSettings settings, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("parsed");
        var session = (SessionSettings)context.Data!;
        var workspace = new Workspace(session.Workspace);
        if (settings.Version)
        {
            session.Console.Profile.Out.Writer.WriteLine($"pipeline {session.Definition.Version} (.NET {Environment.Version})");
            return ExitCodes.Success;
        }
        if (settings.ShowDescription)
        {
            var targets = TargetCatalog.All<TParams>(session.Definition);
            var width = targets.Max(t => t.Name.Length);
            foreach (var (name, _, description) in targets)
            {
                session.Console.Profile.Out.Writer.WriteLine($"{name.PadRight(width)}  {description}");
            }
            return ExitCodes.Success;
        }
        var target = TargetCatalog.Resolve<TParams>(session.Definition, settings.Target ?? session.Definition.DefaultTarget);
        if (session.Definition.Commands.TryGetValue(target, out var command))
        {
            if (settings.Set.Length > 0)
            {
                throw new PipelineException($"--set is for stage targets; {target} uses the model as it was built (change params.yaml and run the stages first)", ExitCodes.BadUsage);
            }
            return RunCommand(command.Run, new CommandRequest(workspace.Root, settings.Input, session.Console.Profile.Out.Writer)
            {
                Top = settings.Top,
                StaleReasons = stage => StaleReasons(stage, workspace, session),
                User = settings.User,
                NoBrowser = settings.NoBrowser,
                Errors = session.Errors,
                Environment = session.Environment,
            }, target);
        }
        RefuseCommandOptions(settings, session, target);
        var bound = ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, settings.Set);
        StartupTrace.Mark("params");
        var graph = Bind(session, bound);
        StartupTrace.Mark("graph");
        if (settings.Tree)
        {
            DagView.Tree(graph, graph.Find(target), session.Console.Profile.Out.Writer);
            return ExitCodes.Success;
        }
        return Describe(target, workspace, graph, bound, settings, session) ?? Execute(target, workspace, graph, bound, settings, session);
    }

    /// <summary>The targets that only read: Dag, Metrics, MetricsDiff, ParamsDiff; null for the others.</summary>
    private static int? Describe(string target, Workspace workspace, StageGraph graph, BoundParams<TParams> bound, BuildSettings settings, SessionSettings session)
    {
        if (settings.Json && settings.Markdown)
        {
            throw new PipelineException("--json and --md: choose one", ExitCodes.BadUsage);
        }
        var rev = settings.Rev ?? "HEAD";
        switch (target.ToLowerInvariant())
        {
            case "dag":
                DagView.Show(graph, session.Console);
                return ExitCodes.Success;
            case "metrics":
                return MetricsViews.Show(workspace, graph, settings.Json, session.Console);
            case "metricsdiff":
                return MetricsViews.Diff(workspace, graph, rev, settings.All, settings.Json, session.Console);
            case "paramsdiff":
                return ParamsDiffView.Show(workspace, graph, rev, bound.Flat, settings.All, session.Console);
            default:
                return null;
        }
    }

    /// <summary>Status, the experiment targets, and runs of a stage.</summary>
    private static int Execute(string target, Workspace workspace, StageGraph graph, BoundParams<TParams> bound, BuildSettings settings, SessionSettings session)
    {
        if (settings.Jobs < 1)
        {
            throw new PipelineException($"--jobs {settings.Jobs}: give 1 or more (the stages run at the same time at most)", ExitCodes.BadUsage);
        }
        if (settings.Remote && !Is(target, "Status"))
        {
            throw new PipelineException($"--remote is for Status (--target=Status --remote); Push and Pull always use the remote", ExitCodes.BadUsage);
        }
        var reporter = new ConsoleReporter(session.Console, session.Errors, settings.Verbosity, sideBySide: settings.Jobs > 1);
        var codes = CodeVersions(workspace, session);
        var comparison = settings.Rev is { } rev ? ChangesSection.For(workspace, graph, rev, bound.Flat) : null;
        PipelineRunner RunnerFor(StageGraph stages, BoundParams<TParams> values) => Runner(workspace, stages, values, codes, reporter, session, comparison);
        if (settings.DryRun && (Is(target, "Apply") || Is(target, "Gc")))
        {
            throw new PipelineException($"--dryrun is for stage targets and Status, not for {target}", ExitCodes.BadUsage);
        }
        switch (target.ToLowerInvariant())
        {
            case "status":
                var status = PlanView.ShowStatus(RunnerFor(graph, bound).PlanAll(), session.Console);
                if (settings.Remote)
                {
                    RemoteTargets.ShowStatus(workspace, RunnerFor(graph, bound), session);
                }
                return status;
            case "push":
                return RemoteTargets.Push(workspace, RunnerFor(graph, bound), settings, session, reporter.Notice);
            case "pull":
                return RemoteTargets.Pull(workspace, RunnerFor(graph, bound), settings, session, reporter.Notice);
            case "experiments":
                return ExperimentTargets.Experiments(workspace, graph, settings, session);
            case "gc":
                return ExperimentTargets.Gc(workspace, graph, settings, session, reporter.Notice);
            case "apply":
                return ExperimentTargets.Apply(workspace, graph, settings, session, reporter.Notice, () =>
                {
                    var applied = ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, []);
                    return RunnerFor(Bind(session, applied), applied);
                });
        }
        var request = new RunRequest(graph.Find(target).Name, settings.Force, settings.Exclusive);
        if (settings.DryRun)
        {
            PlanView.ShowPlan(RunnerFor(graph, bound).Plan(request), session.Console);
            return ExitCodes.Success;
        }
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, reporter.Notice);
        UpToDateStamp.Void(workspace.Root);
        if (session.Console.Profile.Out.Writer == Console.Out)
        {
            Interruption.Watch(session.Errors);
        }
        var opened = new List<IDisposable>();
        var runner = new PipelineRunner(workspace, graph, s => bound.Select(s.ParamKeys), codes, reporter, session.Environment.Variable, comparison)
        {
            Pull = settings.Pull ? RemoteTargets.PullHook(workspace, session, reporter, opened) : null,
            Jobs = settings.Jobs,
        };
        StartupTrace.Mark("runner");
        RunResult result;
        try
        {
            result = runner.Run(request);
        }
        finally
        {
            opened.ForEach(o => o.Dispose());
        }
        StartupTrace.Mark("run");
        SummaryView.Show(result, session.Console, settings.Verbosity);
        var stages = graph.Closure(graph.Find(target), request.Exclusive);
        if (result.ExitCode == ExitCodes.Success && stages.Count == graph.Ordered.Count && result.Stages.Any(s => s.Outcome != StageOutcome.Skipped))
        {
            ExperimentRecorder.Record(workspace, graph, bound.Yaml, reporter.Warn);
        }
        // A stage that reads from outside the workspace (a web API) is never up to date by the files alone.
        if (result.ExitCode == ExitCodes.Success && !settings.Force && settings.Rev is null && settings.Verbosity != Verbosity.Verbose
            && !stages.Any(s => s.AlwaysChanged))
        {
            UpToDateStamp.Write(workspace.Root, session.Args, settings.Verbosity.ToString(), stages.Select(s => s.Name),
                stages.SelectMany(s => s.Deps.Concat(s.Outs)).Prepend(Workspace.LockFileName).Prepend(Workspace.ParamsFileName));
        }
        StartupTrace.Mark("recorded");
        if (result.Error is not null)
        {
            session.Errors.WriteLine($"error: {TerminalText.Safe(result.Error, keepNewlines: true)}");
        }
        return result.ExitCode;
    }

    /// <summary>What a run of the stage would do, as reasons; a params.yaml that does not load is itself the reason.</summary>
    private static IReadOnlyList<string> StaleReasons(string stage, Workspace workspace, SessionSettings session)
    {
        try
        {
            var bound = ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, []);
            var graph = Bind(session, bound);
            var runner = Runner(workspace, graph, bound, CodeVersions(workspace, session), new ConsoleReporter(session.Console, session.Errors, Verbosity.Quiet), session, null);
            return [.. runner.Plan(new RunRequest(graph.Find(stage).Name)).Where(p => p.Decision is not Decision.Skip)
                .Select(p => $"{p.Stage}: {string.Join("; ", p.Decision.Reasons)}")];
        }
        catch (PipelineException e)
        {
            return [e.Message];
        }
    }

    private static PipelineRunner Runner(Workspace workspace, StageGraph graph, BoundParams<TParams> bound, ICodeVersions codes, IRunReporter reporter,
        SessionSettings session, Comparison? comparison) =>
        new(workspace, graph, s => bound.Select(s.ParamKeys), codes, reporter, session.Environment.Variable, comparison);

    /// <summary>The versions of the pipeline's own code (the tasks' assembly always among it), remembered per build.</summary>
    private static MemoizedCodeVersions CodeVersions(Workspace workspace, SessionSettings session) =>
        new(new CodeVersioner(session.Definition.OwnAssemblies.Append(session.Definition.TasksAssembly).Distinct().ToList()), workspace.CodeMemoFile);

    private static StageGraph Bind(SessionSettings session, BoundParams<TParams> bound) =>
        StageGraph.Build([.. TaskBinder.Discover<TParams>(session.Definition.TasksAssembly).Select(t => TaskBinder.Bind(t, bound.Value))]);

    private static void RefuseCommandOptions(BuildSettings settings, SessionSettings session, string target)
    {
        foreach (var (flag, given) in new[] { ("--input", settings.Input is not null), ("--user", settings.User is not null), ("--no-browser", settings.NoBrowser), ("--top", settings.Top is not null) })
        {
            if (given)
            {
                throw new PipelineException($"{flag} is for {string.Join(", ", session.Definition.Commands.Keys)}, not for {target}", ExitCodes.BadUsage);
            }
        }
    }

    private static int RunCommand(Func<CommandRequest, int> command, CommandRequest request, string target)
    {
        try
        {
            return command(request);
        }
        catch (InvalidDataException e)
        {
            throw PipelineErrors.BadInput(target, e.Message);
        }
    }

    private static bool Is(string target, string name) => string.Equals(target, name, StringComparison.OrdinalIgnoreCase);
}
