using System.Net;
using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>Spotify's accounts service: the PKCE code exchange and the refresh of an access token. No client secret.</summary>
public sealed class AccountsClient(ResilientHttp http, SpotifyEndpoints endpoints, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    private string TokenUrl => $"{endpoints.AccountsUrl}/api/token";

    public async Task<SpotifyToken> Exchange(string code, string verifier, CancellationToken cancel)
    {
        using var document = await Post(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = endpoints.RedirectUri,
            ["client_id"] = endpoints.RequireClientId(),
            ["code_verifier"] = verifier,
        }, error => SpotifyErrors.ExchangeFailed($"POST {TokenUrl}", error), cancel).ConfigureAwait(false);
        return Read(document.RootElement, previousRefresh: null);
    }

    public async Task<SpotifyToken> Refresh(string user, SpotifyToken token, CancellationToken cancel)
    {
        using var document = await Post(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = token.RefreshToken,
            ["client_id"] = endpoints.RequireClientId(),
        }, error => SpotifyErrors.Revoked(user, error), cancel).ConfigureAwait(false);
        return Read(document.RootElement, token.RefreshToken);
    }

    private async Task<JsonDocument> Post(Dictionary<string, string> form, Func<string, Exception> refused, CancellationToken cancel)
    {
        var endpoint = $"POST {TokenUrl}";
        using var response = await http.Send(() => new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = new FormUrlEncodedContent(form) },
            endpoint, cancel).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw refused(ErrorOf(body, response.StatusCode));
        }
        if (!response.IsSuccessStatusCode)
        {
            throw SpotifyErrors.Failed(endpoint, response.StatusCode, 1);
        }
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw SpotifyErrors.Malformed(endpoint, $"not JSON at byte {e.BytePositionInLine}");
        }
    }

    private SpotifyToken Read(JsonElement root, string? previousRefresh)
    {
        try
        {
            var refresh = root.TryGetProperty("refresh_token", out var r) && r.GetString() is { Length: > 0 } given ? given : previousRefresh;
            return new SpotifyToken
            {
                AccessToken = root.GetProperty("access_token").GetString() is { Length: > 0 } access ? access : throw new JsonException("empty access_token"),
                RefreshToken = refresh ?? throw new JsonException("no refresh_token"),
                ExpiresAt = clock.GetUtcNow().AddSeconds(root.GetProperty("expires_in").GetInt32()),
                Scope = root.TryGetProperty("scope", out var s) ? s.GetString() ?? "" : "",
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Never quote the body: it holds tokens.
            throw SpotifyErrors.Malformed($"POST {TokenUrl}", "a token answer needs access_token, expires_in and a refresh_token");
        }
    }

    /// <summary>"invalid_grant: Refresh token revoked" from an OAuth error body (never token material).</summary>
    private static string ErrorOf(string body, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return error is null ? $"{(int)status} {status}" : description is null ? error : $"{error}: {description}";
        }
        catch (JsonException)
        {
            return $"{(int)status} {status}";
        }
    }
}
