using System.Globalization;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>Turns bound params (defaults included) into sorted "a.b[0].c" -> "value" pairs.</summary>
internal static class ParamsFlattener
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static IReadOnlyDictionary<string, string> Flatten(object value)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Serializer.Serialize(value)));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
        {
            Walk(stream.Documents[0].RootNode, "", result);
        }
        return result;
    }

    private static void Walk(YamlNode node, string path, SortedDictionary<string, string> into)
    {
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 }:
                into[path] = "{}";
                break;
            case YamlMappingNode map:
                foreach (var (key, child) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", into);
                }
                break;
            case YamlSequenceNode { Children.Count: 0 }:
                into[path] = "[]";
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Walk(list.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), into);
                }
                break;
            case YamlScalarNode scalar:
                into[path] = scalar.Value ?? "";
                break;
        }
    }
}
