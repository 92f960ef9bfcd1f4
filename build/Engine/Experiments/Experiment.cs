using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// One experiment: a state of the whole pipeline in which every stage is up to date, named by its stages'
/// fingerprints. Kept with what it ran with (the params document, the lock) and what it gave (the headline
/// metrics), so Experiments and Apply need no rerun.
/// </summary>
internal sealed record Experiment
{
    public string Id { get; set; } = "";

    /// <summary>Order of first appearance in this workspace (higher is newer).</summary>
    public long Sequence { get; set; }

    /// <summary>The params document the run read, --set values applied.</summary>
    public string ParamsYaml { get; set; } = "";

    /// <summary>Every param any stage ran with, flattened ("train.mlp.epochs" -> "50").</summary>
    public SortedDictionary<string, string> Params { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The metrics files' top-level numbers, in the files' order.</summary>
    public List<MetricEntry> Metrics { get; set; } = [];

    public SortedDictionary<string, StageRecord> Stages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The sweeps (their ids) that ran this experiment as one of their points.</summary>
    public List<string> Sweeps { get; set; } = [];

    /// <summary>The 12-hex id of a set of stage records: the same stages with the same fingerprints give the same id.</summary>
    public static string IdOf(IReadOnlyDictionary<string, StageRecord> stages) =>
        ContentHasher.HashText(string.Concat(stages.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value.Fingerprint(s.Key)}\n")))[..12];

    /// <summary>Every param the stages ran with, flattened.</summary>
    public static SortedDictionary<string, string> ParamsOf(IReadOnlyDictionary<string, StageRecord> stages)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in stages.Values.SelectMany(s => s.Params))
        {
            all.TryAdd(key, value);
        }
        return all;
    }
}

internal sealed record MetricEntry
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
