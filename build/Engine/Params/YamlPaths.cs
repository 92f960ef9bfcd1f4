using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Params;

/// <summary>Maps between positions in a YAML document and key paths like "train.mlp.layers[0].units".</summary>
internal static class YamlPaths
{
    public static string? PathAt(YamlNode? root, Mark mark) => root is null ? null : Find(root, "", mark);

    public static YamlNode? NodeAt(YamlNode? root, string path)
    {
        var node = root;
        foreach (var part in Split(path))
        {
            node = (node, part) switch
            {
                (YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                (YamlSequenceNode list, int index) when index < list.Children.Count => list.Children[index],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>"a.b[0].c" -> "a", "b", 0, "c".</summary>
    public static IEnumerable<object> Split(string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            yield return bracket < 0 ? segment : segment[..bracket];
            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                yield return int.Parse(segment.AsSpan(bracket + 1, close - bracket - 1), CultureInfo.InvariantCulture);
                bracket = segment.IndexOf('[', close);
            }
        }
    }

    private static string? Find(YamlNode node, string path, Mark mark)
    {
        if (node.Start.Line == mark.Line && node.Start.Column == mark.Column && node is not YamlMappingNode)
        {
            return path;
        }
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, child) in map.Children)
                {
                    var childPath = path.Length == 0 ? ((YamlScalarNode)key).Value : $"{path}.{((YamlScalarNode)key).Value}";
                    if (key.Start.Line == mark.Line && key.Start.Column == mark.Column)
                    {
                        return childPath;
                    }
                    var found = Find(child, childPath!, mark);
                    if (found is not null)
                    {
                        return found;
                    }
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var found = Find(list.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), mark);
                    if (found is not null)
                    {
                        return found;
                    }
                }
                break;
        }
        return node.Start.Line == mark.Line && node.Start.Column == mark.Column ? path : null;
    }
}
