namespace Pipeline.Stages.Embed;

/// <summary>
/// Barnes-Hut t-SNE settings; the defaults follow van der Maaten (2014) and scikit-learn: early
/// exaggeration 12 for 250 iterations, momentum 0.5 then 0.8, theta 0.5.
/// </summary>
public sealed record TsneOptions
{
    public double Perplexity { get; init; } = 30;
    public int Iterations { get; init; } = 1000;
    public double Theta { get; init; } = 0.5;
    public int Seed { get; init; } = 12345;
    /// <summary>Below this many points the exact O(N^2) gradient is used.</summary>
    public int ExactBelow { get; init; } = 200;
    public bool ForceExact { get; init; }

    /// <summary>Named phases with counts (neighbours found, iterations done), for a long layout to show it is alive.</summary>
    public IProgress<(string Phase, long Done, long Total)>? Phases { get; init; }
}

/// <summary>The 2-D layout (row-major, N x 2) and the final KL divergence.</summary>
public sealed record TsneResult(double[] Layout, double KlDivergence, int Iterations, bool Exact);
