using System.Net;
using System.Text;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// Catches the browser's redirect on the redirect URI's loopback port: answers it with a short page and hands
/// back the address. Other paths (a browser asks for /favicon.ico) get 404 and the wait goes on.
/// </summary>
public sealed class RedirectListener : IDisposable
{
    private const string Page = "<!doctype html><meta charset=utf-8><title>Spotify login</title>" +
        "<p>Spotify has answered. You can close this tab; the terminal says how the login went.</p>";

    private readonly HttpListener listener = new();
    private readonly string path;

    private RedirectListener(Uri redirect, IPAddress? listen)
    {
        path = redirect.AbsolutePath;
        var prefix = $"http://{ListenHost(redirect, listen)}:{redirect.Port}/";
        listener.Prefixes.Add(prefix);
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            throw SpotifyErrors.CannotListen(prefix, e.Message);
        }
    }

    /// <summary>
    /// A listener for a loopback http redirect URI, on its host or on <paramref name="listen"/> (0.0.0.0: every address);
    /// null for any other URI (an https one can only be pasted).
    /// </summary>
    public static RedirectListener? For(Uri redirect, IPAddress? listen = null) =>
        redirect.Scheme == Uri.UriSchemeHttp && redirect.IsLoopback ? new RedirectListener(redirect, listen) : null;

    /// <summary>The redirect URI's own host; "+" (every address) for 0.0.0.0 or ::; an IPv6 address in brackets.</summary>
    private static string ListenHost(Uri redirect, IPAddress? listen) => listen switch
    {
        null => redirect.Host,
        _ when listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) => "+",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"[{listen}]",
        _ => listen.ToString(),
    };

    /// <summary>The redirected address, once the browser arrives.</summary>
    public async Task<string> Wait()
    {
        while (true)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            var url = context.Request.Url;
            var matches = url is not null && url.AbsolutePath == path;
            context.Response.StatusCode = matches ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            var body = Encoding.UTF8.GetBytes(matches ? Page : "not found");
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
            if (matches)
            {
                return url!.ToString();
            }
        }
    }

    public void Dispose() => listener.Close();
}
