namespace Pipeline.Engine.Cli;

/// <summary>MetricsDiff: metrics at a revision against the workspace, with the noise verdicts.</summary>
internal sealed class MetricsDiffTarget : Target
{
    public override string Name => "MetricsDiff";
    public override string Kind => "view";
    public override string Description => "Metrics against a git revision (--rev, default HEAD), as a Markdown table";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.DiffRev, SharedOptions.Unchanged, SharedOptions.Json, SharedOptions.Markdown];

    public override int Run(TargetContext context) => MetricsViews.Diff(context.Workspace, context.Pipeline.Bind([]).Graph, Revision.From(context),
        context.Options.Flag(SharedOptions.Unchanged.Name), Format.Json(context), context.Console);
}
