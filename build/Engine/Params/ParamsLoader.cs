using Pipeline.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>
/// Binds params.yaml to typed records, strictly: an unknown key, a wrong type or a YAML syntax error is an
/// error naming the file, line, column and key path. <c>--set a.b=c</c> overrides are applied and validated the same way.
/// </summary>
public static class ParamsLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static BoundParams<T> Load<T>(string path, string displayName, IReadOnlyList<string> overrides) where T : class, new()
    {
        if (!File.Exists(path))
        {
            throw PipelineErrors.ParamsFileMissing(displayName);
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
        if (overrides.Count > 0)
        {
            var root = Document() as YamlMappingNode ?? new YamlMappingNode();
            foreach (var assignment in overrides)
            {
                SetOverride.Apply(root, assignment);
                value = DeserializeOverride<T>(root, assignment);
            }
            (document, parsed) = (root, true);
            yaml = Serialize(root);
        }
        ParamsValidator.Validate(value, displayName, Document);
        return new BoundParams<T>(value, ParamsFlattener.Flatten(value)) { Yaml = yaml };
    }

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
            throw PipelineErrors.ParamsSyntax(file, e.Start.Line, e.Start.Column, Innermost(e).Message);
        }
    }

    private static T Deserialize<T>(string text, Func<YamlNode?> document, string file) where T : class, new()
    {
        try
        {
            return Deserializer.Deserialize<T?>(text) ?? new T();
        }
        catch (YamlException e)
        {
            var keyPath = YamlPaths.PathAt(document(), e.Start) ?? "?";
            var detail = Innermost(e).Message;
            if (detail.Contains("not found on type", StringComparison.Ordinal))
            {
                throw PipelineErrors.UnknownParamKey(file, e.Start.Line, e.Start.Column, keyPath);
            }
            throw PipelineErrors.WrongParamType(file, e.Start.Line, e.Start.Column, keyPath, Explain(detail));
        }
    }

    private static string Serialize(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static T DeserializeOverride<T>(YamlMappingNode root, string assignment) where T : class, new()
    {
        try
        {
            return Deserializer.Deserialize<T?>(Serialize(root)) ?? new T();
        }
        catch (YamlException e)
        {
            var detail = Innermost(e).Message;
            throw PipelineErrors.BadSetArgument(assignment,
                detail.Contains("not found on type", StringComparison.Ordinal) ? "unknown key" : Explain(detail));
        }
    }

    private static string Explain(string detail) =>
        detail.Contains("not found on type", StringComparison.Ordinal) ? "unknown key" : detail;

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
