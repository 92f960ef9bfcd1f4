using Pipeline.Engine.Errors;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>A command the host adds (Predict, Login): it runs outside the graph, on what the stages left.</summary>
internal sealed class HostCommandTarget(string name, CommandTarget command) : Target
{
    public override string Name => name;
    public override string Kind => "command";
    public override string Description => command.Description;
    public override TargetEffect Effect => command.Effect;
    public override IReadOnlyList<TargetOption> Options => command.Options;

    public override int Run(TargetContext context)
    {
        try
        {
            return command.Run(new CommandRequest(context.Workspace.Root, context.Out)
            {
                Options = context.Options,
                StaleReasons = stage => StaleReasons(stage, context),
                Errors = context.Session.Errors,
                Environment = context.Session.Environment,
            });
        }
        catch (InvalidDataException e)
        {
            throw PipelineErrors.BadInput(Name, e.Message);
        }
    }

    /// <summary>What a run of the stage would do, as reasons; a params.yaml that does not load is itself the reason.</summary>
    private static IReadOnlyList<string> StaleReasons(string stage, TargetContext context)
    {
        try
        {
            var bound = context.Pipeline.Bind([]);
            var runner = context.Runner(bound, new ConsoleReporter(context.Console, context.Session.Errors, Verbosity.Quiet));
            return [.. runner.Plan(new Running.RunRequest(bound.Graph.Find(stage).Name)).Steps.Where(p => p.Decision is not Decision.Skip)
                .Select(p => $"{p.Stage}: {string.Join("; ", p.Decision.Reasons)}")];
        }
        catch (PipelineException e)
        {
            return [e.Message];
        }
    }
}
