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

    public static bool IsIntegral(string name) => name is "key" or "mode" or "time_signature" or "duration_ms";
}
