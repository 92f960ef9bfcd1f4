using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>One metric: its text as shown, and its number when it is one.</summary>
internal sealed record MetricValue(string Text, double? Number);

/// <summary>
/// A metrics JSON file as (key, value) rows: top-level values first, then nested groups, matrices and lists, each in
/// the file's order. Lists are keyed by name,
/// never by position: a list of objects that all name themselves with the same string property (a feature, a
/// person) is keyed by that name, <c>feature_importance[tempo].auc_drop</c>; an object with <c>labels</c> and a
/// square <c>matrix</c> is a confusion matrix, keyed <c>confusion_matrix[true amelia, predicted paulo]</c>; a
/// two-number list under a key ending <c>_ci</c> is an interval, keyed <c>auc_ci.low</c> and <c>auc_ci.high</c> and
/// shown beside its metric. Other lists keep their index.
/// </summary>
internal static class MetricsFlattener
{
    /// <summary>A top-level number of the file (auc), not a group's, a list's or an interval's (per_user.paulo.f1, auc_ci.low).</summary>
    public static bool IsHeadline(string key) => !key.Contains('.', StringComparison.Ordinal) && !key.Contains('[', StringComparison.Ordinal);

    public static List<(string Key, MetricValue Value)> Flatten(string json, string source)
    {
        var rows = new List<(string, MetricValue)>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, "", rows);
        }
        catch (JsonException e)
        {
            throw new PipelineException($"{source}:{e.LineNumber + 1}: not valid JSON: {e.Message}", ExitCodes.BadUsage);
        }
        // Headline numbers (the top-level scalars) first, then groups by name (per person), then matrices, then keyed
        // lists (importance); each in the file's order.
        return [.. rows.Select((r, i) => (Row: r, Rank: Rank(r.Item1), Index: i)).OrderBy(x => x.Rank).ThenBy(x => x.Index).Select(x => x.Row)];
    }

    private static int Rank(string key) =>
        IsInterval(key) ? 0
        : !key.Contains('[', StringComparison.Ordinal) ? (key.Contains('.', StringComparison.Ordinal) ? 1 : 0)
        : key.Contains("[true ", StringComparison.Ordinal) ? 2 : 3;

    private static void Walk(JsonElement element, string path, List<(string, MetricValue)> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when LabelledMatrix(element) is { } labels:
                var t = 0;
                foreach (var row in element.GetProperty("matrix").EnumerateArray())
                {
                    var p = 0;
                    foreach (var cell in row.EnumerateArray())
                    {
                        Walk(cell, $"{path}[true {labels[t]}, predicted {labels[p++]}]", into);
                    }
                    t++;
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
                }
                break;
            case JsonValueKind.Array when path.EndsWith("_ci", StringComparison.Ordinal) && element.GetArrayLength() == 2
                                          && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number):
                Walk(element[0], $"{path}.low", into);
                Walk(element[1], $"{path}.high", into);
                break;
            case JsonValueKind.Array when NamingProperty(element) is { } name:
                foreach (var item in element.EnumerateArray())
                {
                    var key = $"{path}[{item.GetProperty(name).GetString()}]";
                    foreach (var property in item.EnumerateObject().Where(p => p.Name != name))
                    {
                        Walk(property.Value, $"{key}.{property.Name}", into);
                    }
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), into);
                }
                break;
            case JsonValueKind.Number:
                var number = element.GetDouble();
                into.Add((path, new MetricValue(number.ToString("0.####", CultureInfo.InvariantCulture), number)));
                break;
            case JsonValueKind.String:
                into.Add((path, new MetricValue(element.GetString()!, null)));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                into.Add((path, new MetricValue(element.GetBoolean() ? "true" : "false", null)));
                break;
        }
    }

    /// <summary>A top-level interval's bound: <c>auc_ci.low</c>.</summary>
    private static bool IsInterval(string key) =>
        key.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 && key[..dot].EndsWith("_ci", StringComparison.Ordinal)
        && key[(dot + 1)..] is "low" or "high" && !key.Contains('[', StringComparison.Ordinal);

    /// <summary>The string property every element of a list of objects has (the first such), with distinct values; else null.</summary>
    private static string? NamingProperty(JsonElement list)
    {
        var items = list.EnumerateArray().ToList();
        if (items.Count == 0 || items.Any(i => i.ValueKind != JsonValueKind.Object))
        {
            return null;
        }
        var candidate = items[0].EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.String).Name;
        if (candidate is null || items.Any(i => !i.TryGetProperty(candidate, out var v) || v.ValueKind != JsonValueKind.String))
        {
            return null;
        }
        return items.Select(i => i.GetProperty(candidate).GetString()).Distinct().Count() == items.Count ? candidate : null;
    }

    private static List<string>? LabelledMatrix(JsonElement element)
    {
        if (!element.TryGetProperty("labels", out var labels) || !element.TryGetProperty("matrix", out var matrix)
            || labels.ValueKind != JsonValueKind.Array || matrix.ValueKind != JsonValueKind.Array
            || labels.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
        {
            return null;
        }
        var names = labels.EnumerateArray().Select(l => l.GetString()!).ToList();
        var square = matrix.GetArrayLength() == names.Count
            && matrix.EnumerateArray().All(r => r.ValueKind == JsonValueKind.Array && r.GetArrayLength() == names.Count);
        return square ? names : null;
    }
}
