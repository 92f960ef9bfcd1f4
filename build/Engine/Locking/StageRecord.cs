using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Locking;

/// <summary>
/// What a stage ran with and produced: one record is the lock entry, the stage identity and the
/// run-cache manifest at once (DVC's idea). Keys are sorted so the file diffs well.
/// </summary>
internal sealed record StageRecord
{
    public string Code { get; set; } = "";
    public SortedDictionary<string, string> Deps { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Outs { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Params { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Name + code + params + deps: equal fingerprints mean equal outputs.</summary>
    public string Fingerprint(string stageKey)
    {
        var text = new StringBuilder().Append("stage ").Append(stageKey).Append('\n').Append("code ").Append(Code).Append('\n');
        foreach (var (key, value) in Params)
        {
            text.Append("param ").Append(key).Append('=').Append(value).Append('\n');
        }
        foreach (var (path, hash) in Deps)
        {
            text.Append("dep ").Append(path).Append('=').Append(hash).Append('\n');
        }
        return ContentHasher.HashText(text.ToString());
    }
}
