namespace Pipeline.Engine.Sweeps;

/// <summary>A point ready to run: its own workspace, the log its whole output goes to, and the host's arguments for it.</summary>
internal sealed record PointJob(SweepPoint Point, string Folder, string Log, IReadOnlyList<string> Arguments)
{
    /// <summary>What the host runs in the point's workspace after a run that succeeded (the push to a shared remote); empty for nothing.</summary>
    public IReadOnlyList<string> Then { get; init; } = [];
}

/// <summary>How a point's process ended: its exit code, how long it took, and, from a cluster, where it ran and how it ended.</summary>
internal sealed record PointRun(PointJob Job, int ExitCode, TimeSpan Elapsed)
{
    /// <summary>e.g. "Slurm job 41_3, state FAILED": said with a failure.</summary>
    public string? Where { get; init; }
}
