namespace Pipeline.Engine.Cli;

/// <summary>Status: which stages are stale and why (the plan a run would carry out); exit 1 when any is.</summary>
internal sealed class StatusTarget : Target
{
    public override string Name => "Status";
    public override string Kind => "view";
    public override string Description => "Which stages are up to date, and why the others are not; runs nothing";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Remote];

    public override int Run(TargetContext context)
    {
        var bound = context.Pipeline.Bind([]);
        var runner = context.Runner(bound, context.Reporter());
        var status = PlanView.ShowStatus(runner.PlanAll(), context.Console);
        if (context.Options.Flag(SharedOptions.Remote.Name))
        {
            RemoteTargets.ShowStatus(context.Workspace, runner, context.Session);
        }
        return status;
    }
}
