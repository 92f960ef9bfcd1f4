using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;
using Spectre.Console.Cli;

namespace Pipeline.Engine.Cli;

/// <summary>The one command: bind params, build the graph, then run, plan or describe the target.</summary>
internal sealed class BuildCommand<TParams> : Command<BuildSettings> where TParams : class, new()
{
    public override int Execute(CommandContext context, BuildSettings settings, CancellationToken cancellationToken)
    {
        var session = (SessionSettings)context.Data!;
        var workspace = new Workspace(session.Workspace);
        var target = settings.Target ?? session.Definition.DefaultTarget;
        if (session.Definition.Commands.TryGetValue(target, out var command))
        {
            return RunCommand(command, new CommandRequest(workspace.Root, settings.Input, session.Console.Profile.Out.Writer)
            {
                User = settings.User,
                NoBrowser = settings.NoBrowser,
                Errors = session.Errors,
                Environment = session.Environment,
            }, target);
        }
        foreach (var (flag, given) in new[] { ("--input", settings.Input is not null), ("--user", settings.User is not null), ("--no-browser", settings.NoBrowser) })
        {
            if (given)
            {
                throw new PipelineException($"{flag} is for {string.Join(", ", session.Definition.Commands.Keys)}, not for {target}", ExitCodes.BadUsage);
            }
        }
        var bound = ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, settings.Set);
        var stages = TaskBinder.Discover<TParams>(session.Definition.TasksAssembly).Select(t => TaskBinder.Bind(t, bound.Value)).ToList();
        var graph = StageGraph.Build(stages);
        if (Is(target, "Dag"))
        {
            DagView.Show(graph, session.Console);
            return ExitCodes.Success;
        }
        if (settings.Json && settings.Markdown)
        {
            throw new PipelineException("--json and --md: choose one", ExitCodes.BadUsage);
        }
        if (Is(target, "Metrics"))
        {
            return MetricsViews.Show(workspace, graph, settings.Json, session.Console);
        }
        if (Is(target, "MetricsDiff"))
        {
            return MetricsViews.Diff(workspace, graph, settings.Rev ?? "HEAD", settings.All, settings.Json, session.Console);
        }
        if (Is(target, "ParamsDiff"))
        {
            return ParamsDiffView.Show(workspace, graph, settings.Rev ?? "HEAD", bound.Flat, settings.All, session.Console);
        }
        var reporter = new ConsoleReporter(session.Console, session.Errors, settings.Verbosity);
        var own = session.Definition.OwnAssemblies.Append(session.Definition.TasksAssembly).Distinct().ToList();
        var codes = new MemoizedCodeVersions(new CodeVersioner(own), workspace.CodeMemoFile);
        var comparison = settings.Rev is { } rev ? ChangesSection.For(workspace, graph, rev, bound.Flat) : null;
        PipelineRunner Runner() => new(workspace, graph, s => bound.Select(s.ParamKeys), codes, reporter, session.Environment.Variable, comparison);
        if (Is(target, "Status"))
        {
            return PlanView.ShowStatus(Runner().PlanAll(), session.Console);
        }
        if (Is(target, "Experiments"))
        {
            return ExperimentTargets.Experiments(workspace, graph, settings, session);
        }
        if (Is(target, "Gc"))
        {
            return ExperimentTargets.Gc(workspace, graph, settings, session, reporter.Notice);
        }
        if (Is(target, "Apply"))
        {
            StageGraph Rebind() => StageGraph.Build(TaskBinder.Discover<TParams>(session.Definition.TasksAssembly)
                .Select(t => TaskBinder.Bind(t, ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, []).Value)).ToList());
            return ExperimentTargets.Apply(workspace, graph, settings, session, Rebind,
                g => new PipelineRunner(workspace, g, s => ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, []).Select(s.ParamKeys), codes, reporter, session.Environment.Variable),
                reporter.Notice);
        }
        graph.Find(target);
        var request = new RunRequest(target, settings.Force, settings.Exclusive);
        if (settings.DryRun)
        {
            PlanView.ShowPlan(Runner().Plan(request), session.Console);
            return ExitCodes.Success;
        }
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, reporter.Notice);
        var result = Runner().Run(request);
        SummaryView.Show(result, session.Console, settings.Verbosity);
        if (result.ExitCode == ExitCodes.Success && graph.Closure(graph.Find(target), request.Exclusive).Count == graph.Ordered.Count)
        {
            ExperimentRecorder.Record(workspace, graph, bound.Yaml, reporter.Warn);
        }
        if (result.Error is not null)
        {
            session.Errors.WriteLine($"error: {result.Error}");
        }
        return result.ExitCode;
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
