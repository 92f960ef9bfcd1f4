namespace Pipeline.Engine.Cli;

/// <summary>
/// How a host draws --target=Compare: the outputs it reads of each side (paths as its tasks declare them, files or
/// folders) and what draws them. The engine finds the sides, brings each side's outputs out of git or the run-cache
/// (every byte checked against that side's lock), and hands them over.
/// </summary>
public sealed record CompareView(IReadOnlyList<string> Reads, Func<CompareRequest, int> Render)
{
    /// <summary>What --help says Compare writes.</summary>
    public string Writes { get; init; } = "the comparison";
}

/// <summary>What the host's drawing gets: the sides in order (the first is the baseline), the params that differ, and for a sweep its points.</summary>
public sealed record CompareRequest(string Workspace, TextWriter Output, IReadOnlyList<CompareSide> Sides)
{
    /// <summary>Every param that does not have one value on every side, in name order.</summary>
    public IReadOnlyList<string> DifferingParams { get; init; } = [];

    /// <summary>Set when the sides are a sweep's points.</summary>
    public CompareSweep? Sweep { get; init; }

    /// <summary>The metric sides are judged by (the pipeline's headline metric).</summary>
    public string? HeadlineMetric { get; init; }
}

/// <summary>
/// One side: a revision, the workspace, or an experiment. <see cref="Files"/> maps each path of
/// <see cref="CompareView.Reads"/> to where its bytes are now.
/// </summary>
public sealed record CompareSide(string Label, CompareSideKind Kind, string Id)
{
    /// <summary>The commit a revision names (short hash), or the commit that holds an experiment.</summary>
    public string? Commit { get; init; }

    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Every param its stages ran with, flattened (train.mlp.epochs -> 50).</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    /// <summary>The metrics files' top-level numbers, with their 95% intervals and the verdict against the first side.</summary>
    public IReadOnlyList<CompareMetric> Metrics { get; init; } = [];

    public string PathOf(string read) => Files.TryGetValue(read, out var path) ? path
        : throw new InvalidOperationException($"Compare reads {read}, which its view does not list");
}

public enum CompareSideKind
{
    Revision,
    Workspace,
    Experiment,
}

/// <summary>A headline metric of a side; <see cref="WithinNoise"/> against the first side (null on the first, or without intervals).</summary>
public sealed record CompareMetric(string Name, double Value, double? Low, double? High)
{
    public bool? WithinNoise { get; init; }
}

/// <summary>A sweep's points as Compare shows them: the swept params, the metric, each point's verdict.</summary>
public sealed record CompareSweep(string Id, string Metric, bool LowerIsBetter, IReadOnlyList<string> Axes, IReadOnlyList<ComparePoint> Points);

/// <summary>One point: its experiment, its value of each axis, the metric with its interval, "best" / "within noise" / "worse" (or empty).</summary>
public sealed record ComparePoint(string Experiment, IReadOnlyDictionary<string, string> Values, double? Metric, double? Low, double? High, string Verdict)
{
    /// <summary>Among the sides drawn side by side (a sweep of more than eight points shows its best eight).</summary>
    public bool Shown { get; init; }
}
