using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.Containers;

/// <summary>
/// A compose file as Compose reads it, as JSON for the schema: anchors resolved, merge keys (<c>&lt;&lt;: *x</c>) merged
/// with the mapping's own keys winning, and plain scalars typed as YAML 1.2's core schema types them.
/// </summary>
internal static partial class ComposeDocument
{
    private const string MergeKey = "<<";

    public static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents.Single().RootNode) ?? throw new InvalidDataException("the compose file is empty");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"{node.Start}: a YAML node Compose does not read"),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        var merged = mapping.Children.TryGetValue(new YamlScalarNode(MergeKey), out var source) ? source : null;
        var sources = merged switch
        {
            null => [],
            YamlMappingNode one => [one],
            YamlSequenceNode many => many.Children.Cast<YamlMappingNode>().ToList(),
            _ => throw new InvalidDataException($"{merged.Start}: a merge key takes a mapping or a list of them"),
        };
        foreach (var entry in sources.Select(Mapping).SelectMany(m => m.ToList()))
        {
            result[entry.Key] ??= entry.Value?.DeepClone();
        }
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != MergeKey)
            {
                result[name] = ToJson(value);
            }
        }
        return result;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }
        if (Integer().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }
        return Float().IsMatch(text) ? JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
