using System.Collections;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>
/// Turns bound params (defaults included) into sorted "a.b[0].c" -> "value" pairs, named as in params.yaml.
/// A walk over the records rather than a YAML round trip: this runs on every start.
/// </summary>
internal static class ParamsFlattener
{
    public static IReadOnlyDictionary<string, string> Flatten(object value)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(value, "", result);
        return result;
    }

    private static void Walk(object? value, string path, SortedDictionary<string, string> into)
    {
        switch (value)
        {
            case null:
                return;
            case string or bool or Enum or IFormattable:
                into[path] = Scalar(value);
                return;
            case IDictionary map:
                if (map.Count == 0)
                {
                    into[path] = "{}";
                }
                foreach (DictionaryEntry entry in map)
                {
                    Walk(entry.Value ?? new object(), Join(path, Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!), into);
                }
                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), into);
                }
                if (index == 0)
                {
                    into[path] = "[]";
                }
                return;
        }
        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanWrite).ToList();
        if (properties.Count == 0 || properties.All(p => p.GetValue(value) is null))
        {
            into[path] = "{}";
        }
        foreach (var property in properties)
        {
            Walk(property.GetValue(value), Join(path, UnderscoredNamingConvention.Instance.Apply(property.Name)), into);
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
