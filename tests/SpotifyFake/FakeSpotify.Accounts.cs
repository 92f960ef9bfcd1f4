using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SpotifyFake;

/// <summary>The accounts service: a consent page that redirects at once, and the token endpoint (PKCE code exchange, refresh).</summary>
public sealed partial class FakeSpotify
{
    private readonly ConcurrentDictionary<string, string> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string User, string Challenge, string Redirect)> codes = new(StringComparer.Ordinal);

    /// <summary>Every token and code handed out: none may ever show in a log, a report or a file of the workspace but the token files.</summary>
    public ConcurrentBag<string> Secrets { get; } = [];

    /// <summary>Who the person at the consent page is.</summary>
    public string LoginUser { get; set; } = "ana";

    /// <summary>The person at the consent page says no.</summary>
    public bool DenyConsent { get; set; }

    /// <summary>The lifetime of the access tokens handed out.</summary>
    public int ExpiresIn { get; set; } = 3600;

    public int Refreshes { get; private set; }

    /// <summary>A login as if the person had gone through the consent page: what a token file holds.</summary>
    public JsonObject Issue(string user)
    {
        var access = NewSecret("at");
        var refresh = NewSecret("rt");
        accessTokens[access] = user;
        refreshTokens[refresh] = user;
        return new JsonObject
        {
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["expires_at"] = DateTimeOffset.UtcNow.AddSeconds(ExpiresIn).ToString("O"),
            ["scope"] = "user-library-read playlist-read-private",
        };
    }

    /// <summary>The person's access tokens now answer 401 (as expired ones do); the refresh token still works.</summary>
    public void ExpireAccessTokens(string user)
    {
        foreach (var (token, owner) in accessTokens)
        {
            if (owner == user)
            {
                accessTokens.TryRemove(token, out _);
            }
        }
    }

    /// <summary>The person revoked the app: neither their access nor their refresh tokens work.</summary>
    public void Revoke(string user)
    {
        ExpireAccessTokens(user);
        foreach (var (token, owner) in refreshTokens)
        {
            if (owner == user)
            {
                refreshTokens.TryRemove(token, out _);
            }
        }
    }

    private async Task<(int, JsonNode?)> Accounts(HttpContext context, string path)
    {
        if (path == "/authorize" && context.Request.Method == "GET")
        {
            return Authorize(context);
        }
        if (path == "/api/token" && context.Request.Method == "POST")
        {
            var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
            return Token(form);
        }
        return (404, Error(404, "no such endpoint"));
    }

    private (int, JsonNode?) Authorize(HttpContext context)
    {
        var q = context.Request.Query;
        string? problem = q["client_id"] != ClientId ? "INVALID_CLIENT: Invalid client"
            : q["response_type"] != "code" ? "unsupported_response_type"
            : q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) ? "code_challenge required (S256)"
            : string.IsNullOrEmpty(q["redirect_uri"]) ? "INVALID_CLIENT: Invalid redirect URI"
            : !(q["scope"].ToString() ?? "").Contains("user-library-read", StringComparison.Ordinal) ? "scope user-library-read missing"
            : null;
        if (problem is not null)
        {
            return (400, new JsonObject { ["error"] = problem });
        }
        var redirect = q["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(q["state"].ToString());
        if (DenyConsent)
        {
            context.Response.Redirect($"{redirect}?error=access_denied&state={state}");
            return (302, null);
        }
        var code = NewSecret("code");
        codes[code] = (LoginUser, q["code_challenge"].ToString(), redirect);
        context.Response.Redirect($"{redirect}?code={code}&state={state}");
        return (302, null);
    }

    private (int, JsonNode?) Token(IFormCollection form)
    {
        if (form["client_id"] != ClientId)
        {
            return (400, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Invalid client" });
        }
        string user;
        if (form["grant_type"] == "authorization_code")
        {
            if (!codes.TryRemove(form["code"].ToString(), out var issued) || issued.Redirect != form["redirect_uri"])
            {
                return (400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid authorization code" });
            }
            var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');
            if (challenge != issued.Challenge)
            {
                return (400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "code_verifier was incorrect" });
            }
            user = issued.User;
        }
        else if (form["grant_type"] == "refresh_token")
        {
            if (!refreshTokens.TryRemove(form["refresh_token"].ToString(), out var owner))
            {
                return (400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Refresh token revoked" });
            }
            user = owner;
            Refreshes++;
        }
        else
        {
            return (400, new JsonObject { ["error"] = "unsupported_grant_type" });
        }
        var tokens = Issue(user);
        return (200, new JsonObject
        {
            ["access_token"] = tokens["access_token"]!.GetValue<string>(),
            ["token_type"] = "Bearer",
            ["scope"] = "user-library-read playlist-read-private",
            ["expires_in"] = ExpiresIn,
            ["refresh_token"] = tokens["refresh_token"]!.GetValue<string>(),
        });
    }

    private string NewSecret(string kind)
    {
        var secret = $"{kind}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}";
        Secrets.Add(secret);
        return secret;
    }

    private string? UserOf(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && accessTokens.TryGetValue(header["Bearer ".Length..], out var user) ? user : null;
}
