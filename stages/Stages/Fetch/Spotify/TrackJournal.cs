using System.Text;
using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// What a provider said about each track id, kept between runs: features and analyses never change for an id.
/// One JSON line per id, appended and flushed as each answer arrives, so a kill loses at most the requests in
/// flight; a line cut short by a kill is ignored on the next load. "Unknown" (null) is kept too, so a rerun
/// does not ask again; delete the file to ask again.
/// </summary>
public sealed class TrackJournal<T> : IDisposable where T : class
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly Dictionary<string, T?> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly FileStream file;

    public TrackJournal(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        Damaged = Load();
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            var last = file.ReadByte();
            if (last != '\n')
            {
                // A line cut short by a kill: end it, so the next entry starts a line of its own.
                file.WriteByte((byte)'\n');
            }
        }
        file.Seek(0, SeekOrigin.End);
    }

    /// <summary>Lines that could not be read (cut short by a kill) and were ignored.</summary>
    public int Damaged { get; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public bool TryGet(string id, out T? value)
    {
        lock (gate)
        {
            return entries.TryGetValue(id, out value);
        }
    }

    public void Add(IEnumerable<KeyValuePair<string, T?>> answers)
    {
        var text = new StringBuilder();
        lock (gate)
        {
            foreach (var (id, value) in answers)
            {
                if (entries.TryAdd(id, value))
                {
                    text.Append(JsonSerializer.Serialize(new Entry(id, value), Json)).Append('\n');
                }
            }
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));
            // To the OS, not the disk: enough to survive a killed process, cheap enough for every answer.
            file.Flush(flushToDisk: false);
        }
    }

    public void Dispose() => file.Dispose();

    private int Load()
    {
        var damaged = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize<Entry>(line, Json) is { Id.Length: > 0 } entry)
                {
                    entries[entry.Id] = entry.Value;
                    continue;
                }
            }
            catch (JsonException)
            {
            }
            damaged++;
        }
        return damaged;
    }

    private sealed record Entry(string Id, T? Value);
}
