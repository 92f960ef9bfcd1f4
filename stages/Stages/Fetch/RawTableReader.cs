using System.Globalization;
using nietras.SeparatedValues;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch;

/// <summary>Reads a CSV (any separator Sep detects, quoted fields, CRLF or LF, BOM) or a Parquet file as text cells.</summary>
internal static class RawTableReader
{
    public static RawTable Read(string path, string displayName)
    {
        if (!File.Exists(path))
        {
            throw BadInput.FileMissing(displayName, "fetch");
        }
        return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? ReadParquet(path, displayName) : ReadCsv(path, displayName);
    }

    private static RawTable ReadCsv(string path, string displayName)
    {
        // ReadAllText drops a BOM and accepts a missing final newline.
        var text = File.ReadAllText(path);
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromText(text);
            var headers = reader.Header.ColNames.ToList();
            var rows = new List<RawRow>();
            foreach (var row in reader)
            {
                var cells = new string[headers.Count];
                for (var c = 0; c < headers.Count; c++)
                {
                    cells[c] = c < row.ColCount ? row[c].ToString() : "";
                }
                rows.Add(new RawRow(row.LineNumberFrom, cells));
            }
            return new RawTable(displayName, headers, rows);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw BadInput.Unreadable(displayName, e.Message);
        }
    }

    private static RawTable ReadParquet(string path, string displayName)
    {
        IReadOnlyList<(string Name, Array Values)> columns;
        try
        {
            columns = ParquetTable.Read(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw BadInput.Unreadable(displayName, e.Message);
        }
        var count = columns.Count == 0 ? 0 : columns[0].Values.Length;
        var rows = new List<RawRow>(count);
        for (var r = 0; r < count; r++)
        {
            rows.Add(new RawRow(r + 1, columns.Select(c => Convert.ToString(c.Values.GetValue(r), CultureInfo.InvariantCulture) ?? "").ToArray()));
        }
        return new RawTable(displayName, columns.Select(c => c.Name).ToList(), rows);
    }
}
