using System.Globalization;
using Pipeline.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The points of a sweep: the cartesian grid of the --set axes (<c>key=v1,v2</c>), and with --sweep=FILE the points of a
/// YAML file, either <c>grid: {key: [v1, v2]}</c> (crossed with the --set axes) or <c>points: [{key: v, ...}, ...]</c>
/// (each crossed with them). At most <see cref="MaxPoints"/>.
/// </summary>
internal static class SweepGrid
{
    public const int MaxPoints = 1_000;

    public static IReadOnlyList<SweepPoint> From(IReadOnlyList<string> sets, string? file, string workspaceRoot)
    {
        var axes = sets.Select(Axis).ToList();
        List<List<KeyValuePair<string, string>>> bases = [[]];
        if (file is not null)
        {
            var (fileAxes, points) = Read(Path.Combine(workspaceRoot, file), file);
            axes.InsertRange(0, fileAxes);
            bases = points ?? bases;
        }
        var duplicate = axes.Select(a => a.Key).Concat(bases.SelectMany(b => b.Select(s => s.Key)).Distinct())
            .GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PipelineException($"{duplicate.Key} is swept twice (give each key once, with all its values)", ExitCodes.BadUsage);
        }
        var count = axes.Aggregate((long)bases.Count, (n, a) => n * a.Values.Count);
        if (count > MaxPoints)
        {
            throw new PipelineException(string.Create(CultureInfo.InvariantCulture,
                $"the sweep has {count:N0} points; at most {MaxPoints:N0} (sweep fewer values, or split it)"), ExitCodes.BadUsage);
        }
        IEnumerable<List<KeyValuePair<string, string>>> grid = bases;
        foreach (var (key, values) in axes)
        {
            grid = grid.SelectMany(point => values.Select(v => (List<KeyValuePair<string, string>>)[.. point, new(key, v)]));
        }
        return [.. grid.Select((sets, i) => new SweepPoint(i, sets))];
    }

    private static (string Key, IReadOnlyList<string> Values) Axis(string assignment)
    {
        var flag = $"--set {assignment}";
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new PipelineException($"{flag}: write KEY=VALUE[,VALUE...]", ExitCodes.BadUsage);
        }
        var key = assignment[..equals].Trim();
        var text = assignment[(equals + 1)..];
        if (text.Trim().Length == 0)
        {
            throw new PipelineException($"{flag}: no values after '='; e.g. --set {key}=1,2,3", ExitCodes.BadUsage);
        }
        return (key, SweepValues.Split(text, flag));
    }

    private static (List<(string Key, IReadOnlyList<string> Values)> Axes, List<List<KeyValuePair<string, string>>>? Points) Read(string path, string shown)
    {
        if (!File.Exists(path))
        {
            throw new PipelineException($"--sweep {shown}: no such file", ExitCodes.BadUsage);
        }
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                ?? throw new PipelineException($"{shown}: give 'grid:' (key: [values]) or 'points:' (a list of key: value maps)", ExitCodes.BadUsage);
        }
        catch (YamlException e)
        {
            throw new PipelineException($"{shown}:{e.Start.Line}:{e.Start.Column}: {e.Message}", ExitCodes.BadUsage);
        }
        var axes = new List<(string, IReadOnlyList<string>)>();
        List<List<KeyValuePair<string, string>>>? points = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var where = $"{shown}:{keyNode.Start.Line}:{keyNode.Start.Column}";
            switch (((YamlScalarNode)keyNode).Value)
            {
                case "grid" when value is YamlMappingNode grid:
                    foreach (var (axis, values) in grid.Children)
                    {
                        var name = ((YamlScalarNode)axis).Value ?? "";
                        var list = values is YamlSequenceNode sequence ? sequence.Children.Select(FlowText).ToList() : [FlowText(values)];
                        if (list.Count == 0)
                        {
                            throw new PipelineException($"{shown}:{axis.Start.Line}:{axis.Start.Column}: '{name}' has no values", ExitCodes.BadUsage);
                        }
                        axes.Add((name, list));
                    }
                    break;
                case "points" when value is YamlSequenceNode list:
                    points = [.. list.Children.Select(p => p is YamlMappingNode map
                        ? map.Children.Select(c => new KeyValuePair<string, string>(((YamlScalarNode)c.Key).Value ?? "", FlowText(c.Value))).ToList()
                        : throw new PipelineException($"{shown}:{p.Start.Line}:{p.Start.Column}: a point is a map of key: value", ExitCodes.BadUsage))];
                    break;
                default:
                    throw new PipelineException($"{where}: give 'grid:' (a map of key: [values]) or 'points:' (a list of key: value maps)", ExitCodes.BadUsage);
            }
        }
        return (axes, points);
    }

    /// <summary>A YAML node as the one-line text --set takes: a scalar as it is, a list or map in flow style.</summary>
    private static string FlowText(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(FlowText)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(c => $"{FlowText(c.Key)}: {FlowText(c.Value)}")) + "}",
        _ => "",
    };
}
