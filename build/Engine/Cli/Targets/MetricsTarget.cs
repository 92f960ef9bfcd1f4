namespace Pipeline.Engine.Cli;

/// <summary>Metrics: the workspace's metrics as a table or JSON.</summary>
internal sealed class MetricsTarget : Target
{
    public override string Name => "Metrics";
    public override string Kind => "view";
    public override string Description => "The metrics of the workspace, as a Markdown table (--json for machines)";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Json, SharedOptions.Markdown];

    public override int Run(TargetContext context) =>
        MetricsViews.Show(context.Workspace, context.Pipeline.Bind([]).Graph, Format.Json(context), context.Console);
}
