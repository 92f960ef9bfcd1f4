using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// Where the Spotify source talks to, and as which app: the client id and redirect URI from
/// credentials/credentials.json or the environment (which wins), the base URLs from the environment.
/// No client secret: the login uses PKCE.
/// </summary>
public sealed record SpotifyEndpoints
{
    public const string CredentialsFile = "credentials/credentials.json";
    public const string DefaultRedirectUri = "http://127.0.0.1:8888/callback";

    public string ApiUrl { get; init; } = "https://api.spotify.com/v1";
    public string AccountsUrl { get; init; } = "https://accounts.spotify.com";
    public string ReccoBeatsUrl { get; init; } = "https://api.reccobeats.com/v1";
    public string? ClientId { get; init; }
    public string RedirectUri { get; init; } = DefaultRedirectUri;

    /// <summary>SPOTIFY_LOGIN_LISTEN: where Login listens for the redirect, when not on the redirect URI's own host.</summary>
    public const string LoginListenVariable = "SPOTIFY_LOGIN_LISTEN";

    /// <summary>
    /// The address Login's listener binds instead of the redirect URI's loopback host: 0.0.0.0 in a container, whose
    /// published port (127.0.0.1:8888 on the host) arrives on its own network interface, not on its loopback.
    /// </summary>
    public System.Net.IPAddress? LoginListen { get; init; }

    /// <param name="resolve">A workspace path made absolute.</param>
    /// <param name="environment">An environment variable of the run.</param>
    public static SpotifyEndpoints Resolve(Func<string, string> resolve, Func<string, string?> environment)
    {
        var file = ReadCredentials(resolve(CredentialsFile));
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        return new SpotifyEndpoints
        {
            ApiUrl = Trim(Env("SPOTIFY_API_URL") ?? "https://api.spotify.com/v1"),
            AccountsUrl = Trim(Env("SPOTIFY_ACCOUNTS_URL") ?? "https://accounts.spotify.com"),
            ReccoBeatsUrl = Trim(Env("RECCOBEATS_API_URL") ?? "https://api.reccobeats.com/v1"),
            ClientId = Env("SPOTIFY_CLIENT_ID") ?? file.ClientId,
            RedirectUri = Env("SPOTIFY_REDIRECT_URI") ?? file.RedirectUri ?? DefaultRedirectUri,
            LoginListen = Env(LoginListenVariable) is { } listen
                ? System.Net.IPAddress.TryParse(listen, out var address) ? address : throw SpotifyErrors.BadListenAddress(LoginListenVariable, listen)
                : null,
        };
    }

    /// <summary>The client id, or an error saying where to put it.</summary>
    public string RequireClientId() => ClientId ?? throw SpotifyErrors.NoClientId(CredentialsFile);

    private static string Trim(string url) => url.TrimEnd('/');

    private static (string? ClientId, string? RedirectUri) ReadCredentials(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return (Text(root, "client_id"), Text(root, "redirect_uri"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw SpotifyErrors.BadCredentialsFile(CredentialsFile, e.Message);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
