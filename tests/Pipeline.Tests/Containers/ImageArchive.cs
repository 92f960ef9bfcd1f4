using System.Formats.Tar;
using System.Text;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// An image as podman save writes it (docker-archive: a tar of the config, the manifest and one tar per layer), read
/// layer by layer: every file of every layer, so a file a later layer deletes is still seen.
/// </summary>
internal static class ImageArchive
{
    /// <summary>A file of a layer (or of the archive itself: the config, the manifest) and whether it holds the text.</summary>
    public sealed record Entry(string Layer, string Path, bool Holds);

    public static List<Entry> Scan(string image, string text)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-images", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var archive = System.IO.Path.Combine(folder, "image.tar");
        try
        {
            Tool.Check("podman", ["save", "--quiet", "--format", "docker-archive", "--output", archive, image], guard: TimeSpan.FromMinutes(10));
            var needle = Encoding.UTF8.GetBytes(text);
            var entries = new List<Entry>();
            using var outer = new TarReader(File.OpenRead(archive));
            while (outer.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }
                if (entry.Name.EndsWith(".tar", StringComparison.Ordinal))
                {
                    entries.AddRange(Layer(entry.Name, entry.DataStream, needle));
                }
                else
                {
                    entries.Add(new Entry("", entry.Name, Holds(entry.DataStream, needle)));
                }
            }
            return entries;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<Entry> Layer(string layer, Stream stream, byte[] needle)
    {
        using var reader = new TarReader(stream, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            var holds = entry.DataStream is { } data && Holds(data, needle);
            yield return new Entry(layer, entry.Name.TrimStart('.', '/'), holds || Contains(Encoding.UTF8.GetBytes(entry.Name), needle));
        }
    }

    private static bool Holds(Stream data, byte[] needle)
    {
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        return Contains(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), needle);
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, byte[] needle) => haystack.IndexOf(needle) >= 0;

    /// <summary>Every file under <paramref name="root"/> whose name or bytes hold the text.</summary>
    public static List<string> Holding(string root, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => Contains(Encoding.UTF8.GetBytes(p), needle) || File.Exists(p) && !new FileInfo(p).Attributes.HasFlag(FileAttributes.ReparsePoint) && Contains(File.ReadAllBytes(p), needle))
            .Select(p => System.IO.Path.GetRelativePath(root, p))];
    }
}
