using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch;

/// <summary>
/// Reads a CSV (any separator Sep detects, quoted fields, CRLF or LF, BOM; gzip-compressed too) or a Parquet
/// file as text cells. A CSV streams row by row; a zip archive or other binary file is refused by name.
/// </summary>
internal static class RawTableReader
{
    public static RawTable Read(string path, string displayName, string namedBy = "fetch in params.yaml")
    {
        if (Directory.Exists(path))
        {
            throw BadInput.IsFolder(displayName, namedBy);
        }
        if (!File.Exists(path))
        {
            throw BadInput.FileMissing(displayName, namedBy);
        }
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return ReadParquet(path, displayName);
        }
        var compressed = Sniff(path, displayName);
        using var reader = Open(path, displayName, compressed);
        var headers = reader.Header.ColNames.ToList();
        return new RawTable(displayName, headers, CsvRows(path, displayName, compressed, headers.Count));
    }

    /// <summary>True for gzip; an error for the binary files people rename to .csv.</summary>
    private static bool Sniff(string path, string displayName)
    {
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        if (read >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return true;
        }
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            throw BadInput.Unreadable(displayName, "it is a zip archive, not a CSV; unzip it and name the CSV inside");
        }
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'A' && head[2] == (byte)'R' && head[3] == (byte)'1')
        {
            throw BadInput.Unreadable(displayName, "it is a Parquet file; name it .parquet");
        }
        if (head[..read].Contains((byte)0))
        {
            throw BadInput.Unreadable(displayName, "it is a binary file, not a CSV");
        }
        return false;
    }

    private static SepReader Open(string path, string displayName, bool compressed)
    {
        try
        {
            var options = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true });
            if (!compressed)
            {
                return options.FromFile(path);
            }
            // The reader owns the stream it is given and disposes it with itself.
            return options.From(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException or IOException)
        {
            throw BadInput.Unreadable(displayName, e.Message);
        }
    }

    private static IEnumerable<RawRow> CsvRows(string path, string displayName, bool compressed, int columns)
    {
        using var reader = Open(path, displayName, compressed);
        while (Next(reader, displayName))
        {
            yield return Cells(reader, columns);
        }
    }

    private static bool Next(SepReader reader, string displayName)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException or IOException)
        {
            throw BadInput.Unreadable(displayName, e.Message);
        }
    }

    private static RawRow Cells(SepReader reader, int columns)
    {
        var row = reader.Current;
        var cells = new string[columns];
        for (var c = 0; c < columns; c++)
        {
            cells[c] = c < row.ColCount ? row[c].ToString() : "";
        }
        return new RawRow(row.LineNumberFrom, cells);
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
        var rows = Enumerable.Range(0, count).Select(r =>
            new RawRow(r + 1, columns.Select(c => Convert.ToString(c.Values.GetValue(r), CultureInfo.InvariantCulture) ?? "").ToArray()));
        return new RawTable(displayName, columns.Select(c => c.Name).ToList(), rows);
    }
}
