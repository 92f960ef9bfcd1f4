using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>Dag: the stage graph, what each stage reads and writes.</summary>
internal sealed class DagTarget : Target
{
    public override string Name => "Dag";
    public override string Kind => "view";
    public override string Description => "The stage graph: what each stage reads and writes";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [];

    public override int Run(TargetContext context)
    {
        DagView.Show(context.Pipeline.Bind([]).Graph, context.Console);
        return ExitCodes.Success;
    }
}
