using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Params;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>ParamsDiff and MetricsDiff: Markdown tables of what changed between a git revision and the workspace.</summary>
internal static class DiffTargets
{
    public static int ParamsDiff<TParams>(Workspace workspace, string rev, IAnsiConsole console) where TParams : class, new()
    {
        var now = ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, []).Flat;
        var oldText = GitShow.Read(workspace.Root, rev, Workspace.ParamsFileName);
        var before = oldText is null ? new Dictionary<string, string>()
            : ParamsLoader.LoadText<TParams>(oldText, $"{rev}:{Workspace.ParamsFileName}", []).Flat;
        var rows = before.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != now.GetValueOrDefault(k))
            .Select(k => new[] { k, before.GetValueOrDefault(k) ?? "—", now.GetValueOrDefault(k) ?? "—" })
            .ToList();
        Print(console, rows.Count == 0 ? $"No params changed since {rev}." : Markdown(["Param", rev, "workspace"], rows));
        return ExitCodes.Success;
    }

    public static int MetricsDiff(Workspace workspace, StageGraph graph, string rev, IAnsiConsole console)
    {
        var rows = new List<string[]>();
        foreach (var path in graph.Ordered.SelectMany(s => s.Metrics).Distinct())
        {
            var full = Path.Combine(workspace.Root, path);
            var now = File.Exists(full) ? Flatten(File.ReadAllText(full), path) : [];
            var oldText = GitShow.Read(workspace.Root, rev, path);
            var before = oldText is null ? [] : Flatten(oldText, $"{rev}:{path}");
            foreach (var key in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var (old, current) = (before.GetValueOrDefault(key), now.GetValueOrDefault(key));
                if (old != current)
                {
                    rows.Add([path, key, Format(old), Format(current), Change(old, current)]);
                }
            }
        }
        Print(console, rows.Count == 0 ? $"No metrics changed since {rev}." : Markdown(["Path", "Metric", rev, "workspace", "Change"], rows));
        return ExitCodes.Success;
    }

    private static Dictionary<string, double?> Flatten(string json, string source)
    {
        var result = new Dictionary<string, double?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, "", result);
        }
        catch (JsonException e)
        {
            throw new PipelineException($"{source}:{e.LineNumber + 1}: not valid JSON: {e.Message}", ExitCodes.BadUsage);
        }
        return result;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, double?> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
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
                into[path] = element.GetDouble();
                break;
        }
    }

    private static string Format(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    private static string Change(double? before, double? after) =>
        before is { } b && after is { } a ? (a - b).ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture) : "—";

    private static string Markdown(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header.Select(Escape)).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Print(IAnsiConsole console, string text) => console.Profile.Out.Writer.Write(text.EndsWith('\n') ? text : text + "\n");
}
