using Pipeline.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Params;

/// <summary>Applies one <c>--set a.b=value</c> to the params document; the value is YAML (a number, a word, a [list]).</summary>
internal static class SetOverride
{
    /// <returns>The key path the assignment set, and the value's text as given.</returns>
    public static (string Path, string Value) Apply(YamlMappingNode root, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw PipelineErrors.BadSetArgument(assignment, "expected KEY=VALUE, e.g. --set train.mlp.epochs=50");
        }
        var path = assignment[..equals].Trim();
        if (assignment[(equals + 1)..].Trim().Length == 0)
        {
            throw PipelineErrors.BadSetArgument(assignment, $"no value after '='; e.g. --set {path}=VALUE (a number, a word, or a [list])");
        }
        var value = ParseValue(assignment, assignment[(equals + 1)..]);
        List<object> parts;
        try
        {
            parts = YamlPaths.Split(path).ToList();
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw PipelineErrors.BadSetArgument(assignment, $"'{path}' is not a key path like train.mlp.epochs or train.mlp.layers[0].units");
        }
        YamlNode node = root;
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            node = (node, parts[i]) switch
            {
                (YamlMappingNode map, string key) when key.Length > 0 => Step(map, key, last ? value : null),
                (YamlSequenceNode list, int index) when index < list.Children.Count => Step(list, index, last ? value : null),
                _ => throw PipelineErrors.BadSetArgument(assignment, $"'{path}' does not name a value in params.yaml"),
            };
        }
        return (path, assignment[(equals + 1)..].Trim());
    }

    private static YamlNode Step(YamlMappingNode map, string key, YamlNode? value)
    {
        var name = new YamlScalarNode(key);
        if (value is not null)
        {
            map.Children[name] = value;
            return value;
        }
        if (!map.Children.TryGetValue(name, out var child))
        {
            child = new YamlMappingNode();
            map.Children[name] = child;
        }
        return child;
    }

    private static YamlNode Step(YamlSequenceNode list, int index, YamlNode? value)
    {
        if (value is not null)
        {
            list.Children[index] = value;
        }
        return list.Children[index];
    }

    /// <summary>A [list] or {map} is YAML; anything else is one scalar, typed by the record it lands in ("50", "true", "?").</summary>
    private static YamlNode ParseValue(string assignment, string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('[') && !trimmed.StartsWith('{'))
        {
            return new YamlScalarNode(trimmed);
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(trimmed));
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw PipelineErrors.BadSetArgument(assignment, $"the value is not valid YAML: {e.Message}");
        }
    }
}
