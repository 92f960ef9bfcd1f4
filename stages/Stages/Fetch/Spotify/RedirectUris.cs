namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>Spotify's rule since 2025: a redirect URI is HTTPS, or http on a loopback literal (127.0.0.1, [::1]); never "localhost".</summary>
public static class RedirectUris
{
    public static Uri Check(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw SpotifyErrors.BadRedirectUri(text, "is not an http(s) address");
        }
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw SpotifyErrors.BadRedirectUri(text, $"uses 'localhost', which Spotify refuses: use the loopback literal, http://127.0.0.1:{uri.Port}{uri.AbsolutePath}");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw SpotifyErrors.BadRedirectUri(text, "must be HTTPS, or http on 127.0.0.1 or [::1]");
        }
        return uri;
    }
}
