using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Params;

/// <summary>
/// Rewrites only the values that differ between a params document and the one wanted, in place: comments, key
/// order and formatting stay. A scalar or a one-line (flow) value is replaced by the wanted one's text as written
/// there; when the shape differs elsewhere (a key added or removed in a block mapping) the wanted text is taken whole.
/// </summary>
internal static class ParamsEditor
{
    public sealed record Edit(string Text, IReadOnlyList<string> Changed, bool Whole);

    public static Edit Apply(string current, string wanted)
    {
        YamlNode? now, want;
        try
        {
            (now, want) = (Root(current), Root(wanted));
        }
        catch (YamlException)
        {
            return new Edit(wanted, [], Whole: true);
        }
        var spans = new List<(int Start, int End, string Text, string Path)>();
        if (now is null || want is null || !Collect(now, want, "", current, wanted, spans))
        {
            return new Edit(wanted, [], Whole: true);
        }
        var text = new StringBuilder(current);
        foreach (var (start, end, replacement, _) in spans.OrderByDescending(s => s.Start))
        {
            text.Remove(start, end - start).Insert(start, replacement);
        }
        return new Edit(text.ToString(), [.. spans.Select(s => s.Path)], Whole: false);
    }

    /// <summary>Collects the replacements; false when the change cannot be made in place.</summary>
    private static bool Collect(YamlNode now, YamlNode want, string path, string current, string wanted, List<(int, int, string, string)> spans)
    {
        if (now is YamlMappingNode a && want is YamlMappingNode b && a.Style != YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            var keysA = a.Children.Keys.Select(Key).ToList();
            var keysB = b.Children.Keys.Select(Key).ToList();
            if (!keysA.Order(StringComparer.Ordinal).SequenceEqual(keysB.Order(StringComparer.Ordinal)))
            {
                return false;
            }
            return a.Children.All(kv => Collect(kv.Value, b.Children[new YamlScalarNode(Key(kv.Key))], Join(path, Key(kv.Key)), current, wanted, spans));
        }
        if (now is YamlSequenceNode s && want is YamlSequenceNode t && s.Style != YamlDotNet.Core.Events.SequenceStyle.Flow)
        {
            return s.Children.Count == t.Children.Count
                && s.Children.Select((child, i) => Collect(child, t.Children[i], $"{path}[{i}]", current, wanted, spans)).All(ok => ok);
        }
        var before = Slice(current, now);
        var after = Slice(wanted, want);
        if (before == after)
        {
            return true;
        }
        if (now is not YamlScalarNode && (now is YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow }
            || now is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow }) || after.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }
        spans.Add(((int)now.Start.Index, (int)now.End.Index, after, path));
        return true;
    }

    private static string Slice(string text, YamlNode node) => text[(int)node.Start.Index..(int)node.End.Index];

    private static string Key(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static YamlNode? Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }
}
