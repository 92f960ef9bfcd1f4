using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;

namespace Pipeline.Engine.Cli;

/// <summary>Experiments: this branch's runs and commits, with the params that differ and the headline metrics.</summary>
internal sealed class ExperimentsTarget : Target
{
    public override string Name => "Experiments";
    public override string Kind => "view";
    public override string Description => "This branch's runs and commits, with their params and metrics (--sort=METRIC, --all-commits, --sweep=ID)";
    public override TargetEffect Effect => TargetEffect.Nothing;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Sort, SharedOptions.AllCommits, SharedOptions.SweepId];

    public override int Run(TargetContext context)
    {
        var rows = Catalog(context, context.Options.Flag(SharedOptions.AllCommits.Name));
        if (context.Options.Text(SharedOptions.SweepId.Name) is { } sweep)
        {
            rows = OfSweep(rows, sweep).Rows;
        }
        return ExperimentsView.Show(rows, context.Options.Text(SharedOptions.Sort.Name), context.Console);
    }

    /// <summary>The points of the sweep whose id starts so; an id no experiment has is an error naming the sweeps known.</summary>
    public static (string Id, List<ExperimentRow> Rows) OfSweep(List<ExperimentRow> rows, string id)
    {
        var sweeps = rows.SelectMany(r => r.Sweeps).Distinct().Order(StringComparer.Ordinal).ToList();
        var matching = sweeps.Where(s => s.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList();
        return matching.Count switch
        {
            1 => (matching[0], [.. rows.Where(r => r.Sweeps.Contains(matching[0]))]),
            0 => throw new PipelineException($"--sweep {TerminalText.Safe(id)}: no experiment of such a sweep " +
                $"({(sweeps.Count == 0 ? "no sweep has run here: --target=Sweep" : "known: " + string.Join(", ", sweeps))})", ExitCodes.BadUsage),
            _ => throw new PipelineException($"--sweep {TerminalText.Safe(id)}: names {matching.Count} sweeps ({string.Join(", ", matching)}); give more of the id", ExitCodes.BadUsage),
        };
    }

    public static List<ExperimentRow> Catalog(TargetContext context, bool allCommits) =>
        ExperimentCatalog.Load(context.Workspace, context.Pipeline.Bind([]).Graph, new ExperimentStore(context.Workspace.ExperimentsDir, context.Session.Warn),
            allCommits);
}
