using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Tasks;

/// <summary>
/// What a task sees of the params: only the keys it declares. Every other section or value keeps its default,
/// so code that reads an undeclared param cannot make a stage depend on something its fingerprint leaves out:
/// it reads the default, and a test of that code sees it. A declared key may be a section ("train"), a value
/// ("seed") or a nested path ("fetch.demo").
/// </summary>
internal static class ParamsView
{
    public static TParams Restrict<TParams>(TParams parameters, IReadOnlyList<string> keys) where TParams : class =>
        (TParams)Restrict(parameters, keys.Select(k => k.Split('.')).ToList());

    private static object Restrict(object full, List<string[]> paths)
    {
        var type = full.GetType();
        var copy = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type.Name} needs a parameterless constructor for its tasks' params views");
        foreach (var group in paths.GroupBy(p => p[0], StringComparer.Ordinal))
        {
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => p.CanWrite && UnderscoredNamingConvention.Instance.Apply(p.Name) == group.Key);
            if (property is null)
            {
                continue;
            }
            var value = property.GetValue(full);
            property.SetValue(copy, group.Any(p => p.Length == 1) || value is null ? value : Restrict(value, [.. group.Select(p => p[1..])]));
        }
        return copy;
    }
}
