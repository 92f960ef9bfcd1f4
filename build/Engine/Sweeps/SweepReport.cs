using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Cli;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The sweep's end: its points best first by the headline metric, each with its 95% interval and whether it is within
/// noise of the best (each one's value inside the other's interval, as MetricsDiff decides it), and the failed points
/// with their logs. As Markdown (the terminal and reports/sweeps/ID.md) and as JSON (reports/sweeps/ID.json); no times,
/// so the same results give the same bytes.
/// </summary>
internal sealed class SweepReport
{
    private readonly string id;
    private readonly string metric;
    private readonly bool lowerIsBetter;
    private readonly List<string> keys;
    private readonly List<PointResult> ranked;
    private readonly List<PointResult> failed;

    public SweepReport(string id, string metric, IReadOnlyList<PointResult> results)
    {
        this.id = id;
        this.metric = metric;
        lowerIsBetter = LowerIsBetter(metric);
        keys = [.. results.SelectMany(r => r.Point.Sets.Select(s => s.Key)).Distinct()];
        var finished = results.Where(r => r.Status != PointStatus.Failed).ToList();
        var scored = finished.Where(r => r.Metrics.ContainsKey(metric));
        ranked = [.. (lowerIsBetter ? scored.OrderBy(r => r.Metrics[metric]) : scored.OrderByDescending(r => r.Metrics[metric])).ThenBy(r => r.Point.Index),
            .. finished.Where(r => !r.Metrics.ContainsKey(metric)).OrderBy(r => r.Point.Index)];
        failed = [.. results.Where(r => r.Status == PointStatus.Failed).OrderBy(r => r.Point.Index)];
    }

    public static bool LowerIsBetter(string metric) =>
        metric.Contains("loss", StringComparison.OrdinalIgnoreCase) || metric.Contains("error", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<PointResult> Ranked => ranked;

    public IReadOnlyList<PointResult> Failed => failed;

    /// <summary>"best", "within noise" or "worse"; empty without intervals to judge by.</summary>
    public string Verdict(PointResult result)
    {
        if (ranked.Count == 0 || !result.Metrics.ContainsKey(metric))
        {
            return "";
        }
        var best = ranked[0];
        if (result == best)
        {
            return "best";
        }
        if (!best.Intervals.TryGetValue(metric, out var bestCi) || !result.Intervals.TryGetValue(metric, out var ci))
        {
            return "";
        }
        var a = best.Metrics[metric];
        var b = result.Metrics[metric];
        return NoiseRule.Within(a, (bestCi[0], bestCi[1]), b, (ci[0], ci[1])) ? "within noise" : "worse";
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        var direction = lowerIsBetter ? "lowest first" : "highest first";
        text.Append(CultureInfo.InvariantCulture, $"Sweep {id}: {ranked.Count} point(s) done, {failed.Count} failed; by {metric}, {direction}, with its 95% interval.\n\n");
        if (ranked.Count > 0)
        {
            string[] header = ["#", "Point", .. keys, metric, "95% interval", "Verdict", "Experiment"];
            text.Append(MarkdownTable.Render(header, ranked.Select((r, i) => (string[])[
                (i + 1).ToString(CultureInfo.InvariantCulture), r.Point.Index.ToString(CultureInfo.InvariantCulture), .. keys.Select(k => ValueOf(r.Point, k)),
                r.Metrics.TryGetValue(metric, out var v) ? Number(v) : "—", Interval(r), Verdict(r), r.Experiment ?? ""])));
        }
        if (failed.Count > 0)
        {
            text.Append("\nFailed:\n\n");
            string[] header = ["Point", .. keys, "Error", "Log"];
            text.Append(MarkdownTable.Render(header, failed.Select(r => (string[])[
                r.Point.Index.ToString(CultureInfo.InvariantCulture), .. keys.Select(k => ValueOf(r.Point, k)), r.Error ?? "", r.Log])));
        }
        return text.ToString();
    }

    public string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("sweep", id);
            json.WriteString("metric", metric);
            json.WriteBoolean("lower_is_better", lowerIsBetter);
            json.WriteStartArray("points");
            foreach (var r in ranked)
            {
                json.WriteStartObject();
                json.WriteNumber("point", r.Point.Index);
                WriteParams(json, r.Point);
                json.WriteString("experiment", r.Experiment);
                json.WriteString("verdict", Verdict(r));
                json.WriteStartObject("metrics");
                foreach (var (name, value) in r.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(name, value);
                }
                json.WriteEndObject();
                json.WriteStartObject("intervals");
                foreach (var (name, ci) in r.Intervals.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    json.WriteStartArray(name);
                    json.WriteNumberValue(ci[0]);
                    json.WriteNumberValue(ci[1]);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("failed");
            foreach (var r in failed)
            {
                json.WriteStartObject();
                json.WriteNumber("point", r.Point.Index);
                WriteParams(json, r.Point);
                json.WriteString("error", r.Error);
                json.WriteString("log", r.Log);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteParams(Utf8JsonWriter json, SweepPoint point)
    {
        json.WriteStartObject("params");
        foreach (var (key, value) in point.Sets)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }

    private static string ValueOf(SweepPoint point, string key) => point.Sets.FirstOrDefault(s => s.Key == key).Value ?? "—";

    private string Interval(PointResult r) => r.Intervals.TryGetValue(metric, out var ci) ? $"[{Number(ci[0])}, {Number(ci[1])}]" : "—";

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
