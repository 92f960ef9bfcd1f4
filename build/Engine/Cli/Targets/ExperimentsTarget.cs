using Pipeline.Engine.Experiments;

namespace Pipeline.Engine.Cli;

/// <summary>Experiments: this branch's runs and commits, with the params that differ and the headline metrics.</summary>
internal sealed class ExperimentsTarget : Target
{
    public override string Name => "Experiments";
    public override string Kind => "view";
    public override string Description => "This branch's runs and commits, with their params and metrics (--sort=METRIC, --all-commits)";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Sort, SharedOptions.AllCommits];

    public override int Run(TargetContext context) =>
        ExperimentsView.Show(Catalog(context, context.Options.Flag(SharedOptions.AllCommits.Name)), context.Options.Text(SharedOptions.Sort.Name), context.Console);

    public static List<ExperimentRow> Catalog(TargetContext context, bool allCommits) =>
        ExperimentCatalog.Load(context.Workspace, context.Pipeline.Bind([]).Graph, new ExperimentStore(context.Workspace.ExperimentsDir, context.Session.Warn),
            allCommits);
}
