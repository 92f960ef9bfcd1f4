using System.IO.Compression;

namespace Pipeline.Stages.Train;

/// <summary>
/// ML.NET stamps each entry of a saved model with the time it was written; rewriting the archive with a
/// fixed time makes the same model give the same bytes, so a retrained model does not look changed downstream.
/// </summary>
internal static class StableZip
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Normalize(string path)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var source = ZipFile.OpenRead(path))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        using var target = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = target.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }
}
