using Pipeline.Engine.Cli;
using Pipeline.Engine.Sweeps;

namespace Pipeline.Engine.Comparing;

/// <summary>
/// A sweep's points as Compare's sides: every point ranked by the headline metric (its interval read from its metrics
/// file in the run-cache), the best eight drawn side by side, each labelled by its values of the swept params.
/// </summary>
internal static class SweepSides
{
    public static (List<SideSpec> Sides, CompareSweep Sweep) Of(TargetContext context, string id, IReadOnlyList<string> metricsFiles, SideFiles files, string? headline)
    {
        var (sweepId, rows) = ExperimentsTarget.OfSweep(ExperimentsTarget.Catalog(context, allCommits: true), id);
        var axes = SideMetrics.Differing([.. rows.Select(r => r.Params)]);
        var metric = headline ?? "auc";
        var lowerIsBetter = SweepReport.LowerIsBetter(metric);
        var points = rows.Select(r =>
        {
            var side = CompareSides.Experiment(r);
            var values = (IReadOnlyDictionary<string, string>)axes.ToDictionary(a => a, a => r.Params.GetValueOrDefault(a, "—"), StringComparer.Ordinal);
            var metrics = SideMetrics.Of(1, metricsFiles, (_, path) => files.Text(side, path))[0];
            return (Row: r, Values: values, Metric: metrics.FirstOrDefault(m => m.Name == metric));
        }).ToList();
        var ranked = SideMetrics.Ranked([.. points.Select(p => (p.Row.Id, p.Values, p.Metric))], lowerIsBetter);
        var sides = ranked.Where(p => p.Shown).Select(p => CompareSides.Experiment(rows.First(r => r.Id == p.Experiment), Label(axes, p.Values))).ToList();
        return (sides, new CompareSweep(sweepId, metric, lowerIsBetter, axes, ranked));
    }

    /// <summary>"learning_rate=0.1, epochs=50": the point's swept values, each by its param's last name.</summary>
    private static string Label(List<string> axes, IReadOnlyDictionary<string, string> values) =>
        axes.Count == 0 ? "the only point" : string.Join(", ", axes.Select(a => $"{a[(a.LastIndexOf('.') + 1)..]}={values[a]}"));
}
