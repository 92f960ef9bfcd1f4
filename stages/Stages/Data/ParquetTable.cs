using Parquet;
using Parquet.Schema;

namespace Pipeline.Stages.Data;

/// <summary>Reads and writes tables of named columns (string, double, int, long) as Parquet, one row group.</summary>
public static class ParquetTable
{
    public static void Write(string path, IReadOnlyList<(string Name, Array Values)> columns) =>
        WriteAsync(path, columns).GetAwaiter().GetResult();

    /// <summary>Every column, in file order; integers come back as int[] or long[], text as string[].</summary>
    public static IReadOnlyList<(string Name, Array Values)> Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task WriteAsync(string path, IReadOnlyList<(string Name, Array Values)> columns)
    {
        var fields = columns.Select(c => Field(c.Name, c.Values)).ToArray();
        var schema = new ParquetSchema(fields);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < columns.Count; i++)
        {
            var task = columns[i].Values switch
            {
                string[] s => group.WriteAsync(fields[i], s),
                double[] d => group.WriteAsync<double>(fields[i], d),
                int[] n => group.WriteAsync<int>(fields[i], n),
                long[] l => group.WriteAsync<long>(fields[i], l),
                _ => throw new ArgumentException($"column '{columns[i].Name}' has an unsupported type {columns[i].Values.GetType().Name}"),
            };
            await task;
        }
    }

    private static DataField Field(string name, Array values) => values switch
    {
        string[] => new DataField<string>(name, false),
        double[] => new DataField<double>(name, false),
        int[] => new DataField<int>(name, false),
        long[] => new DataField<long>(name, false),
        _ => throw new ArgumentException($"column '{name}' has an unsupported type {values.GetType().Name}"),
    };

    private static async Task<IReadOnlyList<(string Name, Array Values)>> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var parts = fields.Select(_ => new List<Array>()).ToList();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            for (var i = 0; i < fields.Length; i++)
            {
                parts[i].Add(await ReadColumn(group, fields[i], rows));
            }
        }
        return fields.Select((f, i) => (f.Name, Join(parts[i], f))).ToList();
    }

    private static async Task<Array> ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory());
            return text.Select(t => t ?? "").ToArray();
        }
        return field.ClrType switch
        {
            var t when t == typeof(double) => await Numbers<double>(group, field, rows),
            var t when t == typeof(float) => (await Numbers<float>(group, field, rows)).Select(v => (double)v).ToArray(),
            var t when t == typeof(int) => await Numbers<int>(group, field, rows),
            var t when t == typeof(long) => await Numbers<long>(group, field, rows),
            _ => throw new InvalidDataException($"column '{field.Name}' has type {field.ClrType.Name}, which the pipeline does not read"),
        };
    }

    private static async Task<T[]> Numbers<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory());
            if (nullable.Any(v => v is null))
            {
                throw new InvalidDataException($"column '{field.Name}' has empty values");
            }
            return nullable.Select(v => v!.Value).ToArray();
        }
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static Array Join(List<Array> parts, DataField field)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }
        var total = parts.Sum(p => p.Length);
        var result = Array.CreateInstance(parts.Count == 0 ? field.ClrType : parts[0].GetType().GetElementType()!, total);
        var at = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, result, at, part.Length);
            at += part.Length;
        }
        return result;
    }
}
