using System.Collections.Concurrent;
using System.Reflection;

namespace Pipeline.Engine.Hashing;

/// <summary>The content hashes of files embedded in our assemblies, read once each: part of the code version of the code that loads them.</summary>
internal static class EmbeddedResources
{
    private static readonly ConcurrentDictionary<(Assembly, string), string?> Hashes = new();
    private static readonly ConcurrentDictionary<Assembly, HashSet<string>> Names = new();

    /// <summary>The hash of the resource <paramref name="name"/> names in <paramref name="assembly"/>; null when it names none.</summary>
    public static string? HashOf(Assembly assembly, string name)
    {
        if (!Names.GetOrAdd(assembly, a => a.IsDynamic ? [] : [.. a.GetManifestResourceNames()]).Contains(name))
        {
            return null;
        }
        return Hashes.GetOrAdd((assembly, name), key =>
        {
            using var stream = key.Item1.GetManifestResourceStream(key.Item2);
            return stream is null ? null : ContentHasher.HashStream(stream);
        });
    }
}
