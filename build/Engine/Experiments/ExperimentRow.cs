using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Experiments;

/// <summary>An experiment as the table shows it: from this workspace's record, a commit's lock, or both.</summary>
internal sealed record ExperimentRow
{
    public required string Id { get; init; }
    public string? Commit { get; init; }
    public string? Subject { get; init; }
    public required SortedDictionary<string, StageRecord> Stages { get; init; }
    public required SortedDictionary<string, string> Params { get; init; }
    public required List<MetricEntry> Metrics { get; init; }

    /// <summary>The params document to restore: the recorded one, or params.yaml at the commit.</summary>
    public required Func<string?> ParamsYaml { get; init; }

    /// <summary>The sweeps that ran it as a point.</summary>
    public IReadOnlyList<string> Sweeps { get; init; } = [];

    /// <summary>The workspace is in this state now.</summary>
    public bool Current { get; init; }
}
