using Pipeline.Stages.Data;

namespace Pipeline.Stages.Features;

/// <summary>
/// What to do with a song several people like. drop (the default): it says nothing about whose taste it
/// fits, and the same features under two labels would leak between train and test. keep: one row per
/// person. combine: one row, labelled "a+b".
/// </summary>
public static class SharedTrackPolicy
{
    public static TrackTable Apply(TrackTable table, string policy, out int sharedSongs)
    {
        var owners = Enumerable.Range(0, table.RowCount).GroupBy(i => table.TrackId[i])
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        sharedSongs = owners.Count;
        if (owners.Count == 0 || policy == "keep")
        {
            return table;
        }
        var keep = Enumerable.Range(0, table.RowCount).Where(i => !owners.TryGetValue(table.TrackId[i], out var rows) || (policy == "combine" && rows[0] == i)).ToArray();
        var result = table.Take(keep);
        if (policy == "combine")
        {
            for (var r = 0; r < result.RowCount; r++)
            {
                if (owners.TryGetValue(result.TrackId[r], out var rows))
                {
                    result.User[r] = string.Join("+", rows.Select(i => table.User[i]).Order(StringComparer.Ordinal));
                }
            }
        }
        return result.Sorted();
    }
}
