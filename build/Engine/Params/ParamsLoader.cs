using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Params;

/// <summary>
/// Binds params.yaml to typed records, strictly: an unknown key, a duplicate key, a wrong type or a YAML syntax
/// error is an error naming the file, line, column and key path. <c>--set a.b=c</c> overrides are applied and
/// validated the same way, and their errors name the flag.
/// </summary>
internal static class ParamsLoader
{
    public static BoundParams<T> Load<T>(string path, string displayName, IReadOnlyList<string> overrides) where T : class, new()
    {
        if (Directory.Exists(path))
        {
            throw PipelineErrors.ParamsFileMissing(displayName, "is a folder, not a file");
        }
        if (!File.Exists(path))
        {
            throw PipelineErrors.ParamsFileMissing(displayName, "not found");
        }
        return LoadText<T>(File.ReadAllText(path), displayName, overrides);
    }

    public static BoundParams<T> LoadText<T>(string text, string displayName, IReadOnlyList<string> overrides) where T : class, new()
    {
        // The YAML tree is only for positions in error messages and for --set: parse it when needed (this runs on every start).
        YamlNode? document = null;
        var parsed = false;
        YamlNode? Document()
        {
            if (!parsed)
            {
                document = Parse(text, displayName);
                parsed = true;
            }
            return document;
        }
        var value = Deserialize<T>(text, Document, displayName);
        var yaml = text;
        var overridden = new List<(string Path, string Assignment)>();
        if (overrides.Count > 0)
        {
            var root = Document() as YamlMappingNode ?? new YamlMappingNode();
            foreach (var assignment in overrides)
            {
                var (path, given) = SetOverride.Apply(root, assignment);
                overridden.Add((path, assignment));
                value = DeserializeOverride<T>(root, assignment, path, given);
            }
            (document, parsed) = (root, true);
            yaml = Serialize(root);
        }
        ParamsValidator.Validate(value, displayName, Document, path => overridden.LastOrDefault(o => Covers(o.Path, path)).Assignment);
        return new BoundParams<T>(value, ParamsFlattener.Flatten(value)) { Yaml = yaml };
    }

    /// <summary>"train.mlp" covers "train.mlp.epochs"; a path covers itself.</summary>
    private static bool Covers(string set, string path) =>
        path == set || path.StartsWith(set + ".", StringComparison.Ordinal) || path.StartsWith(set + "[", StringComparison.Ordinal)
        || set.StartsWith(path + ".", StringComparison.Ordinal);

    private static YamlNode? Parse(string text, string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var inner = Innermost(e);
            const string duplicate = "Duplicate key ";
            if (inner.Message.StartsWith(duplicate, StringComparison.Ordinal))
            {
                throw PipelineErrors.DuplicateParamKey(file, inner.Start.Line, inner.Start.Column, inner.Message[duplicate.Length..]);
            }
            throw Syntax(text, file, inner);
        }
    }

    /// <summary>A tab is reported where it is (YamlDotNet places it at the start of the mapping around it).</summary>
    private static PipelineException Syntax(string text, string file, YamlException e)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indent)
                {
                    return PipelineErrors.ParamsSyntax(file, i + 1, tab + 1, "a tab in the indentation; YAML indents with spaces");
                }
            }
        }
        return PipelineErrors.ParamsSyntax(file, e.Start.Line, e.Start.Column, e.Message);
    }

    private static T Deserialize<T>(string text, Func<YamlNode?> document, string file) where T : class, new()
    {
        T? value;
        try
        {
            value = Yaml.Reader.Deserialize<T?>(text);
        }
        catch (YamlException e)
        {
            var inner = Innermost(e);
            var keyPath = YamlPaths.PathAt(document(), inner.Start) ?? YamlPaths.PathAt(document(), e.Start) ?? "?";
            var detail = inner.Message;
            if (detail.Contains("not found on type", StringComparison.Ordinal))
            {
                throw PipelineErrors.UnknownParamKey(file, inner.Start.Line, inner.Start.Column, keyPath, ParamKeyNames.DidYouMean(typeof(T), keyPath));
            }
            if (detail.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                throw PipelineErrors.DuplicateParamKey(file, inner.Start.Line, inner.Start.Column, keyPath);
            }
            if (YamlPaths.NodeAt(document(), keyPath) is YamlSequenceNode or YamlMappingNode
                && (ParamRules.TakesScalar(typeof(T), keyPath) || detail.Contains("deserialize", StringComparison.OrdinalIgnoreCase)))
            {
                var shape = YamlPaths.NodeAt(document(), keyPath) is YamlSequenceNode ? "a list" : "a map";
                throw PipelineErrors.WrongParamType(file, inner.Start.Line, inner.Start.Column, keyPath, ParamRules.ExplainShape(typeof(T), keyPath, shape));
            }
            if (e.InnerException is not YamlException and not null)
            {
                var scalar = YamlPaths.NodeAt(document(), keyPath) as YamlScalarNode;
                throw PipelineErrors.WrongParamType(file, e.Start.Line, e.Start.Column, keyPath, ParamRules.Explain(typeof(T), keyPath, scalar?.Value));
            }
            throw Syntax(text, file, inner);
        }
        return value ?? throw PipelineErrors.ParamsEmpty(file);
    }

    private static string Serialize(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static T DeserializeOverride<T>(YamlMappingNode root, string assignment, string path, string text) where T : class, new()
    {
        try
        {
            return Yaml.Reader.Deserialize<T?>(Serialize(root)) ?? new T();
        }
        catch (YamlException e)
        {
            var detail = Innermost(e).Message;
            var flow = text.TrimStart() is { Length: > 0 } t && t[0] is '[' or '{';
            if (flow && ParamRules.TakesScalar(typeof(T), path))
            {
                throw PipelineErrors.BadSetArgument(assignment, ParamRules.ExplainShape(typeof(T), path, text.TrimStart()[0] == '[' ? "a list" : "a map"));
            }
            if (detail.Contains("not found on type", StringComparison.Ordinal))
            {
                throw PipelineErrors.BadSetArgument(assignment, $"unknown key{ParamKeyNames.DidYouMean(typeof(T), path)}");
            }
            throw PipelineErrors.BadSetArgument(assignment, ParamRules.Explain(typeof(T), path, text));
        }
    }

    private static YamlException Innermost(YamlException e)
    {
        var inner = e;
        for (Exception? next = e.InnerException; next is not null; next = next.InnerException)
        {
            if (next is YamlException yaml)
            {
                inner = yaml;
            }
        }
        return inner;
    }
}
