using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Pipeline.Engine.Errors;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Params;

/// <summary>
/// Checks bound params with the records' DataAnnotations ([Range], IValidatableObject), walking nested records,
/// lists and dictionaries, so an error names the key path ("train.mlp.layers[0].units") and, when the file holds it, its line.
/// </summary>
internal static class ParamsValidator
{
    /// <param name="document">The YAML tree, asked for only when there is an error to place.</param>
    public static void Validate(object value, string file, Func<YamlNode?> document) => Walk(value, "", file, document);

    private static void Walk(object value, string path, string file, Func<YamlNode?> document)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault();
            var keyPath = member is null ? path : Join(path, UnderscoredNamingConvention.Instance.Apply(member));
            var node = YamlPaths.NodeAt(document(), keyPath);
            var where = node is null ? file : $"{file}:{node.Start.Line}:{node.Start.Column}";
            throw PipelineErrors.InvalidParam(where, keyPath.Length == 0 ? "(root)" : keyPath, first.ErrorMessage ?? "invalid");
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(value) is not { } child || IsLeaf(child.GetType()))
            {
                continue;
            }
            var childPath = Join(path, UnderscoredNamingConvention.Instance.Apply(property.Name));
            switch (child)
            {
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                    {
                        if (entry.Value is { } item && !IsLeaf(item.GetType()))
                        {
                            Walk(item, Join(childPath, Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!), file, document);
                        }
                    }
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is not null && !IsLeaf(item.GetType()))
                        {
                            Walk(item, string.Create(CultureInfo.InvariantCulture, $"{childPath}[{index}]"), file, document);
                        }
                        index++;
                    }
                    break;
                default:
                    Walk(child, childPath, file, document);
                    break;
            }
        }
    }

    private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
