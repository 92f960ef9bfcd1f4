using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Planning;

/// <summary>One step of a plan: the stage and what will be done with it, and why.</summary>
internal sealed record PlannedStage(Stage Step, Decision Decision)
{
    public string Stage => Step.Name;

    /// <summary>Forced by --force: run whatever the cache holds.</summary>
    public bool Forced { get; init; }

    /// <summary>Stages upstream that change first: this one is decided on their new outputs when they have written them.</summary>
    public IReadOnlyList<string> AfterUpstream => [.. Decision.Why.OfType<ChangeReason.UpstreamChanging>().Select(u => u.Stage)];
}
