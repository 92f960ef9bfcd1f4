using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record DemoParams
{
    [Range(10, 10_000_000, ErrorMessage = "must be between 10 and 10,000,000")]
    public int TracksPerUser { get; init; } = 500;

    /// <summary>The share of a person's songs drawn from their own taste; the rest come from a pool everyone listens to.</summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between 0 and 1")]
    public double Taste { get; init; } = 0.5;

    /// <summary>The share of a person's songs that another person likes too.</summary>
    [Range(0.0, 0.5, ErrorMessage = "must be between 0 and 0.5")]
    public double Shared { get; init; } = 0.04;
}
