using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record FeaturesParams
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
}
