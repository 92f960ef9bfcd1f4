using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

/// <summary>fetch.spotify: where audio features come from, and how hard to push the services.</summary>
public sealed record SpotifyParams
{
    /// <summary>spotify (apps created before 27 Nov 2024 only) | reccobeats (free, no key, no time_signature).</summary>
    [RegularExpression("^(spotify|reccobeats)$", ErrorMessage = "must be spotify or reccobeats")]
    public string FeaturesProvider { get; init; } = "spotify";

    /// <summary>Also fetch Spotify's audio analysis of each track, reduced to 12 timbre and 12 pitch means.</summary>
    public bool AudioAnalysis { get; init; } = true;

    /// <summary>Requests in flight at once, over all people.</summary>
    [Range(1, 32, ErrorMessage = "must be between 1 and 32")]
    public int Concurrency { get; init; } = 8;

    /// <summary>Retries of a request that failed with 5xx, a timeout or a broken connection.</summary>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10")]
    public int Retries { get; init; } = 4;

    /// <summary>The wait before the first retry; it doubles with each retry, with jitter.</summary>
    [Range(0.0, 60.0, ErrorMessage = "must be between 0 and 60")]
    public double BackoffSeconds { get; init; } = 1.0;

    /// <summary>How long one request may take before it counts as failed (and is retried).</summary>
    [Range(0.1, 600.0, ErrorMessage = "must be between 0.1 and 600")]
    public double TimeoutSeconds { get; init; } = 30.0;
}
