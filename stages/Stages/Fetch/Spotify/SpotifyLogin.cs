using System.Diagnostics;
using System.Web;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>How a login runs: for whom, whether to open a browser, where to take a pasted address from, how long to wait.</summary>
public sealed record LoginOptions
{
    public required string User { get; init; }
    public required TextWriter Output { get; init; }
    public bool OpenBrowser { get; init; } = true;

    /// <summary>Standard input, where the redirected address may be pasted.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Take a pasted address too (--no-browser); always so when the redirect URI cannot be caught on loopback.</summary>
    public bool AcceptPaste { get; init; }

    public TimeSpan Wait { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Spotify's authorization-code flow with PKCE (S256): print the authorization address, open a browser where one
/// exists, catch the redirect on the loopback port (or take the address pasted), check the state, exchange the
/// code for tokens and save them, 0600. No client secret.
/// </summary>
public static class SpotifyLogin
{
    public const string Scopes = "user-library-read playlist-read-private";

    public static async Task Run(SpotifyEndpoints endpoints, TokenStore store, AccountsClient accounts, LoginOptions options)
    {
        var clientId = endpoints.RequireClientId();
        var redirect = RedirectUris.Check(endpoints.RedirectUri);
        var pkce = Pkce.Create();
        using var listener = RedirectListener.For(redirect, endpoints.LoginListen);
        var address = AuthorizationUrl(endpoints, clientId, pkce);
        options.Output.WriteLine($"Log in to Spotify as {options.User} and allow access, at this address:");
        options.Output.WriteLine(address);
        if (options.OpenBrowser && TryOpenBrowser(address))
        {
            options.Output.WriteLine("(opened in your browser)");
        }
        var paste = options.AcceptPaste || listener is null ? options.Input : null;
        if (paste is not null)
        {
            options.Output.WriteLine($"When the browser lands on {endpoints.RedirectUri}?..., paste that whole address here and press Enter.");
        }
        var answer = await Answer(listener, paste, options).ConfigureAwait(false);
        var query = HttpUtility.ParseQueryString(new Uri(answer).Query);
        if (query["state"] != pkce.State)
        {
            throw SpotifyErrors.StateMismatch(options.User);
        }
        if (query["error"] is { } error)
        {
            throw SpotifyErrors.Denied(options.User, error);
        }
        var code = query["code"] ?? throw SpotifyErrors.NoCode(Redacted(answer));
        store.Save(options.User, await accounts.Exchange(code, pkce.Verifier, CancellationToken.None).ConfigureAwait(false));
        options.Output.WriteLine($"Logged in {options.User}: the login is saved in {TokenStore.RelativePath(options.User)} (readable by you only, never committed).");
    }

    private static string AuthorizationUrl(SpotifyEndpoints endpoints, string clientId, Pkce pkce)
    {
        var query = HttpUtility.ParseQueryString("");
        query["client_id"] = clientId;
        query["response_type"] = "code";
        query["redirect_uri"] = endpoints.RedirectUri;
        query["code_challenge_method"] = "S256";
        query["code_challenge"] = pkce.Challenge;
        query["state"] = pkce.State;
        query["scope"] = Scopes;
        return $"{endpoints.AccountsUrl}/authorize?{query.ToString()!.Replace("+", "%20", StringComparison.Ordinal)}";
    }

    /// <summary>The redirected address from the listener or the pasted line, whichever comes first.</summary>
    private static async Task<string> Answer(RedirectListener? listener, TextReader? paste, LoginOptions options)
    {
        var waiting = new List<Task<string?>>();
        if (listener is not null)
        {
            waiting.Add(AsNullable(listener.Wait()));
        }
        if (paste is not null)
        {
            waiting.Add(Task.Run(() => ReadPasted(paste, options.Output)));
        }
        var timeout = Task.Delay(options.Wait);
        while (waiting.Count > 0)
        {
            var first = await Task.WhenAny([.. waiting, timeout]).ConfigureAwait(false);
            if (first == timeout)
            {
                throw SpotifyErrors.TimedOut(options.User, options.Wait);
            }
            var task = (Task<string?>)first;
            if (await task.ConfigureAwait(false) is { } answer)
            {
                return answer;
            }
            // Standard input ended with nothing pasted: the browser may still come.
            waiting.Remove(task);
        }
        throw SpotifyErrors.NothingPasted(options.User);
    }

    private static async Task<string?> AsNullable(Task<string> task) => await task.ConfigureAwait(false);

    private static string? ReadPasted(TextReader paste, TextWriter output)
    {
        while (paste.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && HttpUtility.ParseQueryString(uri.Query) is { } q && (q["code"] ?? q["error"]) is not null)
            {
                return text;
            }
            if (text.Length > 0)
            {
                output.WriteLine("That is not the address the browser was sent to (it holds ?code=... or ?error=...); paste it again.");
            }
        }
        return null;
    }

    private static string Redacted(string answer) => answer.Split('?')[0] + "?...";

    private static bool TryOpenBrowser(string address)
    {
        try
        {
            using var browser = Process.Start(new ProcessStartInfo(address) { UseShellExecute = true });
            return browser is not null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
