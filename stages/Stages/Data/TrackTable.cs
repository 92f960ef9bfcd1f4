namespace Pipeline.Stages.Data;

/// <summary>
/// data/raw/tracks.parquet in memory: one row per (user, track), identity columns then features.
/// Rows are sorted by user then track id, so the same songs always give the same bytes.
/// </summary>
public sealed record TrackTable(string[] User, string[] TrackId, string[] Name, string[] Artists, IReadOnlyList<NumericColumn> Features)
{
    public int RowCount => User.Length;

    public NumericColumn? Column(string name) => Features.FirstOrDefault(c => c.Name == name);

    public TrackTable Sorted()
    {
        var order = Enumerable.Range(0, RowCount)
            .OrderBy(i => User[i], StringComparer.Ordinal)
            .ThenBy(i => TrackId[i], StringComparer.Ordinal)
            .ToArray();
        return Take(order);
    }

    /// <summary>A song listed twice for one person counts once (the first row is kept).</summary>
    public TrackTable WithoutDuplicates()
    {
        var seen = new HashSet<(string, string)>();
        var keep = Enumerable.Range(0, RowCount).Where(i => seen.Add((User[i], TrackId[i]))).ToArray();
        return keep.Length == RowCount ? this : Take(keep);
    }

    public TrackTable Take(IReadOnlyList<int> rows) => new(
        Pick(User, rows), Pick(TrackId, rows), Pick(Name, rows), Pick(Artists, rows),
        Features.Select(c => c with { Values = Pick(c.Values, rows) }).ToList());

    public static TrackTable Concat(IReadOnlyList<TrackTable> parts)
    {
        var names = parts[0].Features.Select(c => (c.Name, c.Integral)).ToList();
        var shared = names.Where(n => parts.All(p => p.Column(n.Name) is not null)).ToList();
        return new TrackTable(
            [.. parts.SelectMany(p => p.User)], [.. parts.SelectMany(p => p.TrackId)],
            [.. parts.SelectMany(p => p.Name)], [.. parts.SelectMany(p => p.Artists)],
            shared.Select(n => new NumericColumn(n.Name, [.. parts.SelectMany(p => p.Column(n.Name)!.Values)], n.Integral)).ToList());
    }

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> rows)
    {
        var result = new T[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = values[rows[i]];
        }
        return result;
    }
}
