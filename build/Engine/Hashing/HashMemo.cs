using System.Globalization;
using System.Text;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Remembers each file's hash by (path, size, mtime) so unchanged inputs are not re-read on every run.
/// Stored as a tab-separated file; a damaged memo is simply ignored (it is only a speed-up).
/// </summary>
internal sealed class HashMemo
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly string? file;
    private bool dirty;

    private HashMemo(string? file) => this.file = file;

    public static HashMemo InMemory() => new(null);

    public static HashMemo Load(string file)
    {
        var memo = new HashMemo(file);
        if (!File.Exists(file))
        {
            return memo;
        }
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('\t');
            if (parts.Length == 4
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                memo.entries[parts[0]] = new Entry(size, ticks, parts[3]);
            }
        }
        return memo;
    }

    public string? Find(string path, long size, long mtimeTicks) =>
        entries.TryGetValue(path, out var e) && e.Size == size && e.MtimeTicks == mtimeTicks ? e.Hash : null;

    public void Remember(string path, long size, long mtimeTicks, string hash)
    {
        var entry = new Entry(size, mtimeTicks, hash);
        if (!entries.TryGetValue(path, out var old) || old != entry)
        {
            entries[path] = entry;
            dirty = true;
        }
    }

    public void Save()
    {
        if (file is null || !dirty)
        {
            return;
        }
        var text = new StringBuilder();
        foreach (var (path, e) in entries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{path}\t{e.Size}\t{e.MtimeTicks}\t{e.Hash}\n");
        }
        AtomicFile.WriteAllText(file, text.ToString());
        dirty = false;
    }

    private sealed record Entry(long Size, long MtimeTicks, string Hash);
}
