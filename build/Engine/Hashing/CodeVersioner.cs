using System.Reflection;
using System.Text;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// The code version of a stage: a hash of the IL of its task type and of every type of ours it uses,
/// transitively. Metadata tokens are resolved to names, so a comment-only edit, or an edit to code the
/// stage never reaches, changes nothing. Types outside our assemblies count by name and assembly version.
/// </summary>
internal sealed class CodeVersioner(IReadOnlyCollection<Assembly> ownAssemblies)
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly HashSet<Assembly> own = [.. ownAssemblies];

    /// <summary>A key that changes whenever any of our assemblies is rebuilt differently.</summary>
    public string BuildKey => string.Join(",", own.Select(a => a.ManifestModule.ModuleVersionId.ToString("N"))
        .Order(StringComparer.Ordinal));

    public string Version(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>();
        Enqueue(root);
        var text = new StringBuilder();
        var lines = new List<string>();
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            text.Clear();
            DescribeType(type, text, Enqueue);
            lines.Add(MemberNames.WithoutPathHashes(text.ToString()));
        }
        lines.Sort(StringComparer.Ordinal);
        return ContentHasher.HashText(string.Join("\n", lines));

        void Enqueue(Type? type)
        {
            while (type is not null && (type.IsArray || type.IsByRef || type.IsPointer))
            {
                type = type.GetElementType();
            }
            if (type is null)
            {
                return;
            }
            if (type.IsConstructedGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    Enqueue(argument);
                }
                type = type.GetGenericTypeDefinition();
            }
            if (!type.IsGenericParameter && own.Contains(type.Assembly) && seen.Add(type))
            {
                queue.Enqueue(type);
            }
        }
    }

    private static void DescribeType(Type type, StringBuilder text, Action<Type?> use)
    {
        text.Append("type ").Append(type.FullName).Append(" : ").Append(MemberNames.Of(type.BaseType)).Append('\n');
        use(type.BaseType);
        foreach (var face in type.GetInterfaces().Select(MemberNames.Of).Order(StringComparer.Ordinal))
        {
            text.Append("  implements ").Append(face).Append('\n');
        }
        foreach (var field in type.GetFields(Everything).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append("  field ").Append(field.Name).Append(' ').Append(MemberNames.Of(field.FieldType)).Append('\n');
            use(field.FieldType);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            text.Append("  attribute ").Append(attribute.ToString()).Append('\n');
        }
        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods.OrderBy(MemberNames.Of, StringComparer.Ordinal))
        {
            text.Append("  method ").Append(MemberNames.Of(method)).Append('\n');
            ILReader.Describe(method, text, use);
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            use(nested);
        }
    }
}
