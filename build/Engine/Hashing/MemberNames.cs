using System.Reflection;

namespace Pipeline.Engine.Hashing;

/// <summary>Stable names for types and members, independent of metadata tokens.</summary>
internal static class MemberNames
{
    public static string Of(Type? type)
    {
        if (type is null)
        {
            return "-";
        }
        var name = type.ToString();
        var assembly = type.Assembly.GetName();
        return $"{name}@{assembly.Name}/{assembly.Version}";
    }

    public static string Of(MemberInfo member) => member switch
    {
        MethodBase method => $"{Of(method.DeclaringType)}::{method}",
        FieldInfo field => $"{Of(field.DeclaringType)}::{field.FieldType} {field.Name}",
        Type type => Of(type),
        _ => $"{Of(member.DeclaringType)}::{member}",
    };
}
