namespace Pipeline.Engine.Running;

/// <summary>What the user asked for: a target, and how to treat it.</summary>
public sealed record RunRequest(string Target, bool Force = false, bool Exclusive = false);

public sealed record RunResult(IReadOnlyList<StageResult> Stages, int ExitCode, string? Error);

public sealed record PlannedStage(string Stage, Decision Decision);
