using System.Collections;
using System.Reflection;
using Pipeline.Engine.Cli;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>The keys a params type has, as params.yaml spells them: for a "did you mean", and to check the keys tasks declare.</summary>
internal static class ParamKeyNames
{
    /// <summary>The keys one level under <paramref name="parentPath"/> ("" for the top), or null when the path names no section.</summary>
    public static IReadOnlyList<string>? Under(Type root, string parentPath)
    {
        var type = root;
        foreach (var part in parentPath.Length == 0 ? [] : parentPath.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = Properties(type).FirstOrDefault(p => Spelled(p) == name);
            if (property is null)
            {
                return null;
            }
            type = Element(property.PropertyType);
        }
        return type.IsPrimitive || type == typeof(string) || typeof(IDictionary).IsAssignableFrom(type) ? null : [.. Properties(type).Select(Spelled)];
    }

    /// <summary>" (did you mean train.mlp.epochs?)" for a mistyped key path, or "".</summary>
    public static string DidYouMean(Type root, string keyPath)
    {
        // The first part that is not a key is the one mistyped: "trian.model" suggests "train".
        var parts = keyPath.Split('.');
        for (var i = 1; i < parts.Length; i++)
        {
            var prefix = string.Join('.', parts[..i]);
            if (!prefix.Contains('[', StringComparison.Ordinal) && !Exists(root, prefix))
            {
                return Nearest(root, prefix);
            }
        }
        return Nearest(root, keyPath);
    }

    private static string Nearest(Type root, string keyPath)
    {
        var dot = keyPath.LastIndexOf('.');
        var (parent, leaf) = dot < 0 ? ("", keyPath) : (keyPath[..dot], keyPath[(dot + 1)..]);
        return Under(root, parent) is { } siblings && Suggest.Nearest(leaf, siblings) is { } near
            ? $" (did you mean {(parent.Length == 0 ? near : $"{parent}.{near}")}?)" : "";
    }

    /// <summary>True when <paramref name="keyPath"/> (a section, a value or a nested path) is a key of the params type.</summary>
    public static bool Exists(Type root, string keyPath)
    {
        var dot = keyPath.LastIndexOf('.');
        var (parent, leaf) = dot < 0 ? ("", keyPath) : (keyPath[..dot], keyPath[(dot + 1)..]);
        return Under(root, parent)?.Contains(leaf, StringComparer.Ordinal) == true;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static string Spelled(PropertyInfo property) => UnderscoredNamingConvention.Instance.Apply(property.Name);

    /// <summary>A list's element type; the type itself otherwise.</summary>
    private static Type Element(Type type) =>
        type.IsArray ? type.GetElementType()!
        : type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0] : type;
}
