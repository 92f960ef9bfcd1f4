using Pipeline.Engine.Cli;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Comparing;

/// <summary>A side before its outputs are brought out: what it is called, what it is, and the stage records that say what it holds.</summary>
internal sealed record SideSpec(string Label, CompareSideKind Kind, string Id, SortedDictionary<string, StageRecord> Stages)
{
    public string? Commit { get; init; }

    /// <summary>The git revision whose committed files may stand in for a missing run-cache entry (revision sides).</summary>
    public string? Rev { get; init; }

    /// <summary>What to run to have this side's data, for the error when it is missing.</summary>
    public string Remedy => Kind switch
    {
        CompareSideKind.Workspace => "run ./build.sh to build it",
        CompareSideKind.Revision => $"run Compare with --pull if the team's remote has it, or rebuild it (git checkout {Rev}, ./build.sh, and back)",
        _ => "run Compare with --pull if the team's remote has it, or rerun the experiment's params (Experiments lists them) to rebuild it",
    };
}
