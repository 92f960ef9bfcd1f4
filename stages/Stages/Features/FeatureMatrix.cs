using Pipeline.Stages.Data;

namespace Pipeline.Stages.Features;

/// <summary>A train or test matrix as the models use it: rows of features (row-major), labels as class indices, and who each row is.</summary>
public sealed record FeatureMatrix(string[] FeatureNames, double[] Values, int[] Labels, string[] Classes, TrackIdentity[] Tracks)
{
    public int Rows => Tracks.Length;

    public int Columns => FeatureNames.Length;

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public static FeatureMatrix Load(string path, IReadOnlyList<string> classes)
    {
        var columns = ParquetTable.Read(path);
        var byName = columns.ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        var users = (string[])byName[TrackColumns.User];
        var ids = (string[])byName[TrackColumns.TrackId];
        var names = (string[])byName[TrackColumns.Name];
        var artists = (string[])byName[TrackColumns.Artists];
        var features = columns.Where(c => !TrackColumns.IsIdentity(c.Name)).ToList();
        var values = RowMajor(features.Select(f => (double[])f.Values).ToList(), users.Length);
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var labels = users.Select(u => classIndex.TryGetValue(u, out var i) ? i : throw new InvalidDataException($"{path}: user '{u}' is not one of the trained classes")).ToArray();
        var tracks = users.Select((u, r) => new TrackIdentity(u, ids[r], names[r], artists[r])).ToArray();
        return new FeatureMatrix(features.Select(f => f.Name).ToArray(), values, labels, [.. classes], tracks);
    }

    /// <summary>Columns (as Parquet and the preprocessing give them) to the row-major layout the models read.</summary>
    public static double[] RowMajor(IReadOnlyList<double[]> columns, int rows)
    {
        var values = new double[rows * columns.Count];
        for (var f = 0; f < columns.Count; f++)
        {
            for (var r = 0; r < rows; r++)
            {
                values[(r * columns.Count) + f] = columns[f][r];
            }
        }
        return values;
    }

    public FeatureMatrix Subset(IReadOnlyList<int> rows)
    {
        var values = new double[rows.Count * Columns];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }
        return this with { Values = values, Labels = rows.Select(r => Labels[r]).ToArray(), Tracks = rows.Select(r => Tracks[r]).ToArray() };
    }
}

public sealed record TrackIdentity(string User, string TrackId, string Name, string Artists);
