using System.Globalization;

namespace Pipeline.Stages.Compare;

/// <summary>
/// Compare's tables as plain text cells, for compare.md and compare.html alike (each escapes them where they land): the
/// sides, the params that differ, the headline metrics, the taste match, the songs that changed, a sweep's points.
/// </summary>
internal static class CompareTables
{
    public const int ChangedRowsMarkdown = 20;
    public const int ChangedRowsHtml = 100;

    public static string[] SideHeaders(CompareData data) => [.. data.Runs.Select((r, i) => $"{i + 1}: {r.Label}")];

    public static (string[] Header, List<string[]> Rows) Sides(CompareData data) =>
        (["#", "Side", "Kind", "Experiment", "Commit"],
        [.. data.Runs.Select((r, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), r.Label, r.Kind, r.Id.Length >= 12 ? r.Id[..12] : r.Id, r.Commit ?? "" })]);

    public static (string[] Header, List<string[]> Rows) Params(CompareData data) =>
        (["Param", .. SideHeaders(data)],
        [.. data.DifferingParams.Select(key => (string[])[key, .. data.Runs.Select(r => r.Params.TryGetValue(key, out var v) ? v : "—")])]);

    /// <summary>Each headline metric on each side: its value and interval, and on the later sides the change from the first and its noise verdict.</summary>
    public static (string[] Header, List<string[]> Rows) Metrics(CompareData data)
    {
        var names = data.Runs.SelectMany(r => r.Headline.Select(h => h.Name)).Distinct().ToList();
        return (["Metric", .. SideHeaders(data)], [.. names.Select(name => (string[])[name, .. data.Runs.Select(r =>
        {
            if (r.Headline.FirstOrDefault(h => h.Name == name) is not { } value)
            {
                return "—";
            }
            var text = F3(value.Value) + (value is { Low: { } low, High: { } high } ? $" ({F3(low)}–{F3(high)})" : "");
            if (r == data.Runs[0] || data.Runs[0].Headline.FirstOrDefault(h => h.Name == name) is not { } first)
            {
                return text;
            }
            var change = value.Value - first.Value;
            var verdict = value.WithinNoise switch { true => ", within noise", false => ", beyond noise", null => "" };
            return $"{text}; {(change >= 0 ? "+" : "−")}{F3(Math.Abs(change))}{verdict}";
        })])]);
    }

    public static (string[] Header, List<string[]> Rows) PerPerson(CompareData data, IReadOnlyList<string> people) =>
        (["Person", "Measure", .. SideHeaders(data)],
        [.. people.SelectMany(p => CompareFigures.Measures.Select(m => (string[])[p, m, .. data.Runs.Select(r =>
            r.Metrics.PerUser.TryGetValue(p, out var v) ? F3(m switch { "precision" => v.Precision, "recall" => v.Recall, _ => v.F1 }) : "—")]))]);

    public static (string[] Header, List<string[]> Rows) Taste(CompareData data, CompareViews views) =>
        (["Pair", .. SideHeaders(data), .. data.Runs.Skip(1).Select((_, i) => $"change {i + 2} vs 1")],
        [.. views.Taste.Select(pair => (string[])[$"{pair.A} and {pair.B}", .. pair.Match.Select(Percent),
            .. pair.Match.Skip(1).Select(m => m is { } now && pair.Match[0] is { } was ? Points(now - was) : "—")])]);

    public static (string[] Header, List<string[]> Rows) Changed(CompareData data, CompareViews views, int limit) =>
        (["Song", "Artists", "Liked by", $"Before ({data.Runs[0].Label})", $"After ({data.Runs[1].Label})"],
        [.. views.Changes.Changed.Take(limit).Select(c => new[]
        {
            c.Name, c.Artists, c.TrueUser, $"{c.Before} ({F2(c.BeforeSure)})", $"{c.After} ({F2(c.AfterSure)}){(c.Fixed switch { true => " ✓", false => " ✗", null => "" })}",
        })]);

    public static string ChangedLine(CompareData data, CompareViews views, int limit)
    {
        var (changed, compared) = (views.Changes.Changed.Count, views.Changes.Compared);
        var fixedCount = views.Changes.Changed.Count(c => c.Fixed == true);
        var broken = views.Changes.Changed.Count(c => c.Fixed == false);
        return compared == 0 ? $"{data.Runs[0].Label} and {data.Runs[1].Label} tested no song in common."
            : string.Create(CultureInfo.InvariantCulture,
                $"{changed:N0} of the {compared:N0} test songs both sides tested changed their predicted person ({fixedCount:N0} now right ✓, {broken:N0} now wrong ✗){(changed > limit ? $"; the {limit} most confident changes" : "")}.");
    }

    public static (string[] Header, List<string[]> Rows) Sweep(SweepView sweep) =>
        (["#", .. sweep.Axes, sweep.Metric, "95% interval", "Verdict", "Experiment"],
        [.. sweep.Points.Select((p, i) => (string[])[(i + 1).ToString(CultureInfo.InvariantCulture), .. sweep.Axes.Select(a => p.Values[a]),
            p.Metric is { } m ? F3(m) : "—", p is { Low: { } low, High: { } high } ? $"{F3(low)}–{F3(high)}" : "—", p.Verdict, p.Experiment[..Math.Min(12, p.Experiment.Length)]])]);

    private static string Percent(double? match) => match is { } m ? (m * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Points(double change) => (change >= 0 ? "+" : "−") + Math.Abs(change * 100).ToString("0", CultureInfo.InvariantCulture) + " pts";

    public static string F2(double value) => double.IsNaN(value) ? "—" : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
