using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record DemoParams
{
    /// <summary>At most 200,000 a person: beyond it t-SNE runs for hours and the songs take gigabytes.</summary>
    [Range(10, 200_000, ErrorMessage = "must be between 10 and 200,000 (more songs a person take gigabytes of memory and hours of t-SNE)")]
    public int TracksPerUser { get; init; } = 500;

    /// <summary>The share of a person's songs drawn from their own taste; the rest come from a pool everyone listens to.</summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between 0 and 1")]
    public double Taste { get; init; } = 0.5;

    /// <summary>
    /// About the share of a person's songs that another person likes too: it sets the size of the mainstream pool
    /// both pick from (with taste 1 there is no pool, and no shared songs).
    /// </summary>
    [Range(0.0, 0.5, ErrorMessage = "must be between 0 and 0.5")]
    public double Shared { get; init; } = 0.04;
}
