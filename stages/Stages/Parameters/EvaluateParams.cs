using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record EvaluateParams
{
    /// <summary>Resamples of the test set (stratified, seeded) behind each headline metric's 95% interval; 0 turns the intervals off.</summary>
    [Range(0, 100_000, ErrorMessage = "must be between 0 (no intervals) and 100,000")]
    public int Bootstrap { get; init; } = 1000;
}
