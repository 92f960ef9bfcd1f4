using System.Globalization;
using System.Net;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// Every message of the Spotify source, written once. Set-up problems the person fixes are InvalidDataException
/// (exit 2); requests that failed for good are SpotifyApiException (the stage fails). None carries a token.
/// </summary>
public static class SpotifyErrors
{
    public static string LoginCommand(string user) => $"./build.sh --target=Login --user={user}";

    public static InvalidDataException NotLoggedIn(string user, string tokenFile) =>
        new($"fetch.users.{user}: not logged in to Spotify (no {tokenFile}); run {LoginCommand(user)}");

    public static InvalidDataException BadTokenFile(string user, string tokenFile) =>
        new($"{tokenFile}: not a saved Spotify login; run {LoginCommand(user)} again");

    public static InvalidDataException Revoked(string user, string detail) =>
        new($"Spotify no longer accepts {user}'s saved login ({detail}): the access was revoked or expired; run {LoginCommand(user)}");

    public static InvalidDataException Rejected(string user, string endpoint) =>
        new($"{endpoint}: Spotify rejected {user}'s token even after a refresh (401); run {LoginCommand(user)}");

    public static InvalidDataException BadListenAddress(string variable, string value) =>
        new($"{variable}={value}: not an IP address (0.0.0.0 listens on every address, as a container needs)");

    public static InvalidDataException NoClientId(string credentialsFile) =>
        new($"no Spotify client id: set SPOTIFY_CLIENT_ID, or client_id in {credentialsFile} (copy credentials/credentials.example.json)");

    public static InvalidDataException BadCredentialsFile(string file, string detail) =>
        new($"{file}: not valid JSON ({detail})");

    public static InvalidDataException FeaturesClosed(string endpoint) =>
        new($"{endpoint}: 403 Forbidden. Spotify closed audio-features and audio-analysis to apps created after 27 Nov 2024. " +
            "Set fetch.spotify.features_provider: reccobeats and fetch.spotify.audio_analysis: false in params.yaml, or use the csv source");

    public static InvalidDataException LibraryForbidden(string user, string endpoint, string detail) =>
        new($"{endpoint}: Spotify refused {user}'s request (403{detail}). A development-mode app serves at most 5 people, " +
            $"each added under User Management in the app's dashboard, and needs a Premium owner; then run {LoginCommand(user)} again");

    public static InvalidDataException PlaylistNotFound(string user, string playlist) =>
        new($"fetch.users.{user}.playlist: Spotify has no playlist '{playlist}' that {user} can read (404)");

    public static InvalidDataException NoSongs(string user, UserSummary summary, string provider) =>
        new($"fetch.users.{user}: no songs left of {summary.From} ({summary.Explain(provider)})");

    public static SpotifyApiException Failed(string endpoint, HttpStatusCode status, int tries) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{endpoint}: answered {(int)status} {status} {Tries(tries)}"));

    public static SpotifyApiException NoAnswer(string endpoint, double timeoutSeconds, int tries) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{endpoint}: no answer within {timeoutSeconds:0.##} s {Tries(tries)} (fetch.spotify.timeout_seconds)"));

    public static SpotifyApiException Unreachable(string endpoint, string detail, int tries) =>
        new($"{endpoint}: cannot connect ({detail}) {Tries(tries)}");

    public static SpotifyApiException Malformed(string endpoint, string detail) =>
        new($"{endpoint}: the answer is not what the API documents ({detail})");

    public static SpotifyApiException ForeignLink(string endpoint, string link, string apiUrl) =>
        new($"{endpoint}: the answer links to {Origin(link)}, not to the API at {Origin(apiUrl)}; not followed (the token goes only to the API's own host)");

    public static SpotifyApiException AbsurdTotal(string endpoint, long total, long ceiling) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{endpoint}: the answer says {total:N0} items, more than the {ceiling:N0} a library or playlist can hold; not paged through"));

    public static SpotifyApiException TooManyPages(string endpoint, int pages, long total) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{endpoint}: still more pages after {pages:N0} for {total:N0} items; stopped (the answer's paging is not what the API documents)"));

    /// <summary>scheme://host:port of a link, never its path or query (which may carry ids).</summary>
    private static string Origin(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : $"'{(link.Length > 40 ? link[..40] + "…" : link)}'";

    public static SpotifyLoginException Denied(string user, string error) =>
        new($"the Spotify login for {user} was not granted ({error}); run {LoginCommand(user)} again to retry");

    public static SpotifyLoginException StateMismatch(string user) =>
        new($"the redirect's state does not match this login (an answer to another, older login?); nothing was saved; run {LoginCommand(user)} again");

    public static SpotifyLoginException NoCode(string text) =>
        new($"'{text}' holds neither a code nor an error: paste the whole address the browser was sent to");

    public static SpotifyLoginException NothingPasted(string user) =>
        new($"standard input ended before the redirected address was pasted, and there is no listener to catch it; nothing was saved; run {LoginCommand(user)} again");

    public static SpotifyLoginException TimedOut(string user, TimeSpan wait) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"no answer from the browser within {(wait.TotalMinutes >= 1 ? $"{wait.TotalMinutes:0.#} minutes" : $"{wait.TotalSeconds:0.#} s")}; nothing was saved; run {LoginCommand(user)} again"));

    public static SpotifyLoginException ExchangeFailed(string endpoint, string detail) =>
        new($"{endpoint}: Spotify did not give tokens for the code ({detail})");

    public static InvalidDataException BadRedirectUri(string uri, string detail) =>
        new($"redirect URI '{uri}' {detail} (SPOTIFY_REDIRECT_URI or redirect_uri in {SpotifyEndpoints.CredentialsFile}; default {SpotifyEndpoints.DefaultRedirectUri})");

    public static SpotifyLoginException CannotListen(string prefix, string detail) =>
        new($"cannot listen on {prefix} for the redirect ({detail}): free that port, or choose another in SPOTIFY_REDIRECT_URI " +
            "(and in the app's settings), or use --no-browser and paste the address");

    private static string Tries(int tries) => tries == 1 ? "(1 try)" : string.Create(CultureInfo.InvariantCulture, $"({tries} tries)");
}
