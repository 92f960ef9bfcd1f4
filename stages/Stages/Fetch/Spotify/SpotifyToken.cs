using System.Text.Json.Serialization;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>One person's saved login: credentials/tokens/NAME.json. Secret: never printed, never committed.</summary>
public sealed record SpotifyToken
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    [JsonPropertyName("expires_at")]
    public required DateTimeOffset ExpiresAt { get; init; }

    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "";

    /// <summary>Expired, or about to be: refresh before using it.</summary>
    public bool IsStale(DateTimeOffset now) => ExpiresAt - now < TimeSpan.FromSeconds(60);

    public override string ToString() => $"SpotifyToken(expires {ExpiresAt:u}, scope '{Scope}')";
}
