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
    private static readonly NullabilityInfoContext Nullability = new();

    /// <param name="document">The YAML tree, asked for only when there is an error to place.</param>
    /// <param name="setFlag">The --set argument that set a key path, if one did: the error then names the flag.</param>
    public static void Validate(object value, string file, Func<YamlNode?> document, Func<string, string?> setFlag) =>
        Walk(value, "", new Place(file, document, setFlag));

    private static void Walk(object value, string path, Place place)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && !property.PropertyType.IsValueType && property.GetValue(value) is null
                && Nullability.Create(property).ReadState == NullabilityState.NotNull)
            {
                // "users:" with nothing after it: YAML's null, where the record needs a value.
                var keyPath = Join(path, UnderscoredNamingConvention.Instance.Apply(property.Name));
                throw PipelineErrors.InvalidParam(place.Of(keyPath), keyPath, "has no value; give one, or leave the key out for the default");
            }
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault();
            var keyPath = member is null ? path : Join(path, UnderscoredNamingConvention.Instance.Apply(member));
            throw PipelineErrors.InvalidParam(place.Of(keyPath), keyPath.Length == 0 ? "(root)" : keyPath, first.ErrorMessage ?? "invalid");
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var child = property.GetValue(value);
            if (child is null || IsLeaf(child.GetType()))
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
                            Walk(item, Join(childPath, Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!), place);
                        }
                    }
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is not null && !IsLeaf(item.GetType()))
                        {
                            Walk(item, string.Create(CultureInfo.InvariantCulture, $"{childPath}[{index}]"), place);
                        }
                        index++;
                    }
                    break;
                default:
                    Walk(child, childPath, place);
                    break;
            }
        }
    }

    private sealed record Place(string File, Func<YamlNode?> Document, Func<string, string?> SetFlag)
    {
        /// <summary>"--set train.mlp.epochs=0" when a flag set it, else "params.yaml:12:5", else "params.yaml".</summary>
        public string Of(string keyPath)
        {
            if (SetFlag(keyPath) is { } flag)
            {
                return $"--set {flag}";
            }
            var node = YamlPaths.NodeAt(Document(), keyPath);
            return node is null ? File : $"{File}:{node.Start.Line}:{node.Start.Column}";
        }
    }

    private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
