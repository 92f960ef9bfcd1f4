using Pipeline.Engine.Files;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Code versions remembered per build of our assemblies (their module ids), so the IL is walked only
/// after a rebuild, not on every start.
/// </summary>
internal sealed class MemoizedCodeVersions(CodeVersioner versioner, string memoFile) : ICodeVersions
{
    private Dictionary<string, string>? known;
    private bool dirty;

    public string Of(Type stageType)
    {
        known ??= Load();
        if (!known.TryGetValue(stageType.FullName!, out var version))
        {
            version = versioner.Version(stageType);
            known[stageType.FullName!] = version;
            dirty = true;
        }
        return version;
    }

    public void Save()
    {
        if (!dirty || known is null)
        {
            return;
        }
        var lines = known.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}\t{kv.Value}");
        AtomicFile.WriteAllText(memoFile, $"build\t{versioner.BuildKey}\n{string.Join("\n", lines)}\n");
        dirty = false;
    }

    private Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(memoFile))
        {
            return result;
        }
        var lines = File.ReadAllLines(memoFile);
        if (lines.Length == 0 || lines[0] != $"build\t{versioner.BuildKey}")
        {
            return result;
        }
        foreach (var parts in lines.Skip(1).Select(l => l.Split('\t')).Where(p => p.Length == 2))
        {
            result[parts[0]] = parts[1];
        }
        return result;
    }
}
