namespace Pipeline.Stages.Data;

/// <summary>data/raw/tracks.parquet: the identity <see cref="TrackColumns"/>, then the features (integers stored as integers).</summary>
public static class TrackStore
{
    public static void Write(TrackTable table, string path)
    {
        var columns = new List<(string, Array)>
        {
            (TrackColumns.User, table.User), (TrackColumns.TrackId, table.TrackId), (TrackColumns.Name, table.Name), (TrackColumns.Artists, table.Artists),
        };
        foreach (var column in table.Features)
        {
            columns.Add((column.Name, column.Integral
                ? column.Name == "duration_ms" ? column.Values.Select(v => (long)v).ToArray() : column.Values.Select(v => (int)v).ToArray()
                : column.Values));
        }
        ParquetTable.Write(path, columns);
    }

    public static TrackTable Read(string path)
    {
        var columns = ParquetTable.Read(path).ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        var missing = TrackColumns.Identity.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw BadInput.MissingColumns(path, missing, columns.Keys);
        }
        var features = columns.Where(c => !TrackColumns.IsIdentity(c.Key)).Select(c => c.Value switch
        {
            double[] d => new NumericColumn(c.Key, d, false),
            int[] n => new NumericColumn(c.Key, n.Select(v => (double)v).ToArray(), true),
            long[] l => new NumericColumn(c.Key, l.Select(v => (double)v).ToArray(), true),
            _ => throw new InvalidDataException($"{path}: column '{c.Key}' is not numeric"),
        }).ToList();
        return new TrackTable((string[])columns[TrackColumns.User], (string[])columns[TrackColumns.TrackId], (string[])columns[TrackColumns.Name],
            (string[])columns[TrackColumns.Artists], features);
    }
}
