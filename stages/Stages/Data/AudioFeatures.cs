namespace Pipeline.Stages.Data;

/// <summary>Spotify's audio features, in the order the raw table stores them.</summary>
public static class AudioFeatures
{
    public static IReadOnlyList<string> All { get; } =
    [
        "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
        "instrumentalness", "liveness", "valence", "tempo", "duration_ms", "time_signature",
    ];

    public static IReadOnlyList<string> TimbreAndPitch { get; } =
        [.. Enumerable.Range(0, 12).Select(k => $"timbre_{k}"), .. Enumerable.Range(0, 12).Select(k => $"pitch_{k}")];

    /// <summary>The values Spotify's API documents for a feature; null for the unbounded timbre means.</summary>
    public static (double Min, double Max)? Range(string name) => name switch
    {
        "danceability" or "energy" or "speechiness" or "acousticness" or "instrumentalness" or "liveness" or "valence" => (0, 1),
        "key" => (-1, 11),
        "mode" => (0, 1),
        "loudness" => (-60, 5),
        "tempo" => (0, 300),
        "duration_ms" => (1, 86_400_000),
        "time_signature" => (0, 7),
        _ when name.StartsWith("pitch_", StringComparison.Ordinal) => (0, 1),
        _ => null,
    };

    public static bool IsIntegral(string name) => name is "key" or "mode" or "time_signature" or "duration_ms";
}
