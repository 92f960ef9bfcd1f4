namespace Pipeline.Engine.Sweeps;

/// <summary>How a point ended: done now, done by an earlier run of the same sweep, or failed (with its log).</summary>
internal enum PointStatus
{
    Done,
    Earlier,
    Failed,
}

/// <summary>A point's end: its experiment and metrics (each with its 95% interval when the metrics file gives one), or the failure.</summary>
internal sealed record PointResult(SweepPoint Point, PointStatus Status, TimeSpan Elapsed, string Log)
{
    public string? Experiment { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double[]> Intervals { get; init; } = new Dictionary<string, double[]>();

    /// <summary>For a failed point: the last error line of its log.</summary>
    public string? Error { get; init; }
}
