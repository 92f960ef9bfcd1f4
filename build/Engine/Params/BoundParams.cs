namespace Pipeline.Engine.Params;

/// <summary>Params bound to records, and the same values flattened ("train.mlp.epochs" -> "100") for the lock.</summary>
internal sealed record BoundParams<T>(T Value, IReadOnlyDictionary<string, string> Flat) where T : class
{
    /// <summary>The params document as read, with --set values applied (the file's own text when there were none).</summary>
    public string Yaml { get; init; } = "";

    /// <summary>The flattened values under the given keys: a section, a value, or a list element.</summary>
    public SortedDictionary<string, string> Select(IEnumerable<string> keys)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            foreach (var (path, value) in Flat)
            {
                if (path == key || path.StartsWith(key + ".", StringComparison.Ordinal) || path.StartsWith(key + "[", StringComparison.Ordinal))
                {
                    result[path] = value;
                }
            }
        }
        return result;
    }
}
