namespace Pipeline.Engine.Running;

/// <summary>What the user asked for: a target, and how to treat it.</summary>
internal sealed record RunRequest(string Target, bool Force = false, bool Exclusive = false);

internal sealed record RunResult(IReadOnlyList<StageResult> Stages, int ExitCode, string? Error);
