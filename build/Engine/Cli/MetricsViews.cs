using System.Text;
using System.Text.Json;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Metrics (the workspace's metrics files as a table) and MetricsDiff (a git revision against the workspace,
/// like <c>dvc metrics diff --md</c>): keyed by name, headline numbers first, only changes unless --all.
/// </summary>
internal static class MetricsViews
{
    public static int Show(Workspace workspace, StageGraph graph, bool json, IAnsiConsole console)
    {
        var files = MetricsFiles(graph).Select(path => (Path: path, Rows: Current(workspace, path))).ToList();
        if (json)
        {
            Print(console, Json(json =>
            {
                foreach (var (path, rows) in files)
                {
                    json.WriteStartObject(path);
                    rows.ForEach(r => Value(json, r.Key, r.Value));
                    json.WriteEndObject();
                }
            }));
            return ExitCodes.Success;
        }
        Print(console, MarkdownTable.Render(["Path", "Metric", "Value"], files.SelectMany(f => f.Rows.Select(r => new[] { f.Path, r.Key, r.Value.Text }))));
        return ExitCodes.Success;
    }

    public static int Diff(Workspace workspace, StageGraph graph, string rev, bool all, bool json, IAnsiConsole console)
    {
        Print(console, json ? Json(writer => DiffJson(writer, Compare(workspace, graph, rev, all))) : DiffMarkdown(workspace, graph, rev, all));
        return ExitCodes.Success;
    }

    /// <summary>The MetricsDiff table (or a line saying nothing changed).</summary>
    public static string DiffMarkdown(Workspace workspace, StageGraph graph, string rev, bool all)
    {
        var table = Compare(workspace, graph, rev, all)
            .SelectMany(f => f.Rows.Select(r => new[] { f.Path, r.Key, r.Old?.Text ?? "—", r.New?.Text ?? "—", Change(r.Old, r.New) + Noise(r.WithinNoise) })).ToList();
        return table.Count == 0 ? $"No metrics changed since {MarkdownTable.Escape(rev)}.\n" : MarkdownTable.Render(["Path", "Metric", rev, "workspace", "Change"], table);
    }

    private static List<(string Path, IEnumerable<DiffRow> Rows)> Compare(Workspace workspace, StageGraph graph, string rev, bool all)
    {
        var files = new List<(string Path, IEnumerable<DiffRow> Rows)>();
        foreach (var path in MetricsFiles(graph))
        {
            var now = Current(workspace, path);
            var before = MetricsFlattener.Flatten(GitShow.Read(workspace.Root, rev, path) ?? throw PipelineErrors.NotAtRevision(path, rev), $"{rev}:{path}");
            var noise = new NoiseRule(before, now);
            files.Add((path, Merge(before, now).Where(r => all || r.Old?.Text != r.New?.Text)
                .Select(r => new DiffRow(r.Key, r.Old, r.New, noise.WithinNoise(r.Key))).ToList()));
        }
        return files;
    }

    private static string Noise(bool? within) => within switch
    {
        true => " (within noise)",
        false => " (beyond noise)",
        null => "",
    };

    private static IEnumerable<string> MetricsFiles(StageGraph graph) => graph.Ordered.SelectMany(s => s.Metrics).Distinct();

    private static List<(string Key, MetricValue Value)> Current(Workspace workspace, string path)
    {
        var full = Path.Combine(workspace.Root, path);
        return File.Exists(full) ? MetricsFlattener.Flatten(File.ReadAllText(full), path) : throw PipelineErrors.NotInWorkspace(path);
    }

    /// <summary>Every key of either side, in the workspace's order; a key only the revision has stands after its neighbour there.</summary>
    private static List<(string Key, MetricValue? Old, MetricValue? New)> Merge(List<(string Key, MetricValue Value)> before, List<(string Key, MetricValue Value)> now)
    {
        var old = before.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var keys = now.Select(r => r.Key).ToList();
        var present = keys.ToHashSet(StringComparer.Ordinal);
        var previous = -1;
        foreach (var (key, _) in before)
        {
            if (present.Add(key))
            {
                keys.Insert(++previous, key);
            }
            else
            {
                previous = keys.IndexOf(key);
            }
        }
        var current = now.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return [.. keys.Select(k => (k, old.GetValueOrDefault(k), current.GetValueOrDefault(k)))];
    }

    private static string Change(MetricValue? before, MetricValue? after) => (before, after) switch
    {
        (null, not null) => "new",
        (not null, null) => "gone",
        ({ Number: { } b }, { Number: { } a }) => (a - b).ToString("+0.####;-0.####;0", System.Globalization.CultureInfo.InvariantCulture),
        _ => before?.Text == after?.Text ? "" : "changed",
    };

    /// <summary>{"path": {"key": {"old": .., "new": .., "diff": ..}}}, as dvc metrics diff --json.</summary>
    private static void DiffJson(Utf8JsonWriter json, IEnumerable<(string Path, IEnumerable<DiffRow> Rows)> files)
    {
        foreach (var (path, rows) in files)
        {
            json.WriteStartObject(path);
            foreach (var (key, old, now, within) in rows)
            {
                json.WriteStartObject(key);
                Value(json, "old", old);
                Value(json, "new", now);
                if (old?.Number is { } b && now?.Number is { } a)
                {
                    json.WriteNumber("diff", Math.Round(a - b, 4));
                }
                if (within is { } noise)
                {
                    json.WriteBoolean("within_noise", noise);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Value(Utf8JsonWriter json, string name, MetricValue? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else if (value.Number is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, value.Text);
        }
    }

    private static void Print(IAnsiConsole console, string text) => console.Profile.Out.Writer.Write(text.EndsWith('\n') ? text : text + "\n");
}

/// <summary>One metric in a diff: both values, and whether the change is within noise (null when the metric has no intervals).</summary>
internal sealed record DiffRow(string Key, MetricValue? Old, MetricValue? New, bool? WithinNoise);
