using System.Reflection;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.Hashing;

/// <summary>Stable names for types and members, independent of metadata tokens.</summary>
internal static partial class MemberNames
{
    /// <summary>
    /// The text without the source-path hash in file-local type names (<c>&lt;File_g&gt;F3A…9C__Utilities</c>, as
    /// source generators emit): the same code checked out in another folder must get the same version.
    /// </summary>
    public static string WithoutPathHashes(string text) => FileLocalHash().Replace(text, ">F__");

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

    [GeneratedRegex(">F[0-9A-F]{64}__")]
    private static partial Regex FileLocalHash();
}
