using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>
/// What a key path in the params records expects, read off the records themselves: "a whole number",
/// "true or false", and the rule its [Range] or [RegularExpression] states, so a value YAML could not even
/// bind (abc, 99999999999) is explained with the allowed range, like one that binds but is out of range.
/// </summary>
internal static class ParamRules
{
    /// <summary>For a value that is a list or a map where it should not be: "a list is given; 'train.model' takes a word".</summary>
    public static string ExplainShape(Type root, string keyPath, string shape)
    {
        var expected = Explain(root, keyPath, null);
        var takes = expected.StartsWith("this value is not ", StringComparison.Ordinal) ? expected["this value is not ".Length..] : "another kind of value";
        return $"{shape} is given; '{keyPath}' takes {takes}";
    }

    /// <summary>The key takes a word, a number or true/false, not a list or a map.</summary>
    public static bool TakesScalar(Type root, string keyPath) =>
        Find(root, keyPath) is { } property && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is var type
        && (type.IsPrimitive || type == typeof(string) || type == typeof(decimal));

    public static string Explain(Type root, string keyPath, string? value)
    {
        var property = Find(root, keyPath);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var expected = type switch
        {
            null => null,
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a word",
            _ when typeof(IDictionary).IsAssignableFrom(type) => "a map (key: value lines)",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "a list ([a, b] or '- a' lines)",
            _ => "a map (key: value lines)",
        };
        var rule = property?.GetCustomAttributes<ValidationAttribute>().Select(a => a.ErrorMessage).FirstOrDefault(m => m is not null);
        var shown = value is null ? "this value" : $"'{value}'";
        var message = expected is null ? $"{shown} has the wrong type" : $"{shown} is not {expected}";
        if (expected == "a whole number" && value is not null && value.Trim().TrimStart('-', '+').All(char.IsAsciiDigit))
        {
            message = $"{shown} is too large for a whole number";
        }
        return rule is null ? message : $"{message}; it {rule}";
    }

    private static PropertyInfo? Find(Type root, string keyPath)
    {
        var type = root;
        PropertyInfo? property = null;
        foreach (var part in YamlPaths.Split(keyPath))
        {
            if (part is int)
            {
                type = ElementType(type) ?? type;
                continue;
            }
            if (typeof(IDictionary).IsAssignableFrom(type) && type.IsGenericType)
            {
                type = type.GetGenericArguments()[1];
                continue;
            }
            property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => UnderscoredNamingConvention.Instance.Apply(p.Name) == (string)part);
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
        }
        return property;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;
}
