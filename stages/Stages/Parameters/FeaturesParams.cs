using System.ComponentModel.DataAnnotations;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Parameters;

public sealed record FeaturesParams : IValidatableObject
{
    public List<string> Numerical { get; init; } =
        ["danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "duration_ms"];

    public List<string> Categorical { get; init; } = ["key", "mode", "time_signature"];

    /// <summary>Also use the 12 timbre and 12 pitch means when the source has them.</summary>
    public bool Timbre { get; init; } = true;

    public bool Normalize { get; init; } = true;

    [Range(0.05, 0.95, ErrorMessage = "must be between 0.05 and 0.95")]
    public double TestSize { get; init; } = 0.25;

    /// <summary>Songs several people like: drop (default), keep (one row per person) or combine (a class "a+b").</summary>
    [RegularExpression("^(drop|keep|combine)$", ErrorMessage = "must be drop, keep or combine")]
    public string SharedTracks { get; init; } = "drop";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var known = AudioFeatures.All.Concat(AudioFeatures.TimbreAndPitch).ToHashSet(StringComparer.Ordinal);
        foreach (var (list, names) in new[] { (nameof(Numerical), Numerical), (nameof(Categorical), Categorical) })
        {
            if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                yield return new ValidationResult(
                    $"'{unknown}' is not an audio feature; the features are {string.Join(", ", AudioFeatures.All)} (and timbre_0..11, pitch_0..11)", [list]);
            }
        }
        var twice = Numerical.Concat(Categorical).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            yield return new ValidationResult($"'{twice.Key}' is listed twice (numerical and categorical together may name a feature once)", [nameof(Numerical)]);
        }
        if (Numerical.Count == 0 && Categorical.Count == 0 && !Timbre)
        {
            yield return new ValidationResult("no features: numerical and categorical are empty and timbre is false; a model needs at least one input", [nameof(Numerical)]);
        }
    }
}
