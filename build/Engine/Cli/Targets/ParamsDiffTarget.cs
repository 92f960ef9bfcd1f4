namespace Pipeline.Engine.Cli;

/// <summary>ParamsDiff: the params each stage ran with at a revision against the workspace.</summary>
internal sealed class ParamsDiffTarget : Target
{
    public override string Name => "ParamsDiff";
    public override string Kind => "view";
    public override string Description => "Params against a git revision (--rev, default HEAD)";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.DiffRev, SharedOptions.Unchanged];

    public override int Run(TargetContext context)
    {
        var bound = context.Pipeline.Bind([]);
        return ParamsDiffView.Show(context.Workspace, bound.Graph, Revision.From(context), bound.Flat, context.Options.Flag(SharedOptions.Unchanged.Name),
            context.Console);
    }
}
