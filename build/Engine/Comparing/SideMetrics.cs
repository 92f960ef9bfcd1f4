using Pipeline.Engine.Cli;

namespace Pipeline.Engine.Comparing;

/// <summary>The metrics files' top-level numbers of each side, with their 95% intervals and the noise verdict against the first side.</summary>
internal static class SideMetrics
{
    /// <summary>Each side's metric rows, flattened from its metrics files (<paramref name="read"/> gives a side's file text, or null).</summary>
    public static List<List<CompareMetric>> Of(int sides, IReadOnlyList<string> metricsFiles, Func<int, string, string?> read)
    {
        var flat = Enumerable.Range(0, sides)
            .Select(s => metricsFiles.SelectMany(path => read(s, path) is { } json ? MetricsFlattener.Flatten(json, path) : []).ToList()).ToList();
        return [.. flat.Select((rows, s) =>
        {
            var noise = new NoiseRule(flat[0], rows);
            return rows.Where(r => r.Value.Number is not null && MetricsFlattener.IsHeadline(r.Key)).Select(r =>
            {
                var bounds = rows.Where(b => b.Key == $"{r.Key}_ci.low" || b.Key == $"{r.Key}_ci.high").Select(b => b.Value.Number).ToList();
                return new CompareMetric(r.Key, r.Value.Number!.Value, bounds.Count == 2 ? bounds[0] : null, bounds.Count == 2 ? bounds[1] : null)
                {
                    WithinNoise = s == 0 ? null : noise.WithinNoise(r.Key),
                };
            }).ToList();
        })];
    }

    /// <summary>The params that do not have one value on every side (a side without the param counts as another value).</summary>
    public static List<string> Differing(IReadOnlyList<IReadOnlyDictionary<string, string>> sides) =>
        [.. sides.SelectMany(s => s.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(key => sides.Select(s => s.TryGetValue(key, out var v) ? v : null).Distinct().Count() > 1)];

    /// <summary>
    /// A sweep's points ranked by <paramref name="metric"/> (best first), each judged against the best as the sweep's own
    /// report does it; the first <see cref="CompareSides.Max"/> are the ones drawn side by side.
    /// </summary>
    public static List<ComparePoint> Ranked(IReadOnlyList<(string Experiment, IReadOnlyDictionary<string, string> Values, CompareMetric? Metric)> points, bool lowerIsBetter)
    {
        var scored = points.Where(p => p.Metric is not null);
        var ordered = (lowerIsBetter ? scored.OrderBy(p => p.Metric!.Value) : scored.OrderByDescending(p => p.Metric!.Value))
            .ThenBy(p => p.Experiment, StringComparer.Ordinal)
            .Concat(points.Where(p => p.Metric is null).OrderBy(p => p.Experiment, StringComparer.Ordinal)).ToList();
        var best = ordered.FirstOrDefault().Metric;
        return [.. ordered.Select((p, i) => new ComparePoint(p.Experiment, p.Values, p.Metric?.Value, p.Metric?.Low, p.Metric?.High, Verdict(i, p.Metric, best))
        {
            Shown = i < CompareSides.Max,
        })];
    }

    private static string Verdict(int rank, CompareMetric? metric, CompareMetric? best) =>
        metric is null ? ""
        : rank == 0 ? "best"
        : metric is { Low: { } low, High: { } high } && best is { Low: { } bestLow, High: { } bestHigh }
            ? NoiseRule.Within(best.Value, (bestLow, bestHigh), metric.Value, (low, high)) ? "within noise" : "worse"
            : "";
}
