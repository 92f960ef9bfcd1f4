using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpotifyFake;

/// <summary>
/// Spotify's Web API (/v1), accounts service (/accounts) and ReccoBeats (/recco/v1) on 127.0.0.1, in one real
/// HTTP server (Kestrel). Answers in the shapes of the real samples; records every request; scripted faults,
/// latency, closed endpoints, expired and revoked tokens, and a consent page that redirects like Spotify's.
/// </summary>
public sealed partial class FakeSpotify : IAsyncDisposable
{
    public const string ClientId = "fake-client-id";

    private readonly WebApplication app;
    private readonly List<Fault> faults = [];
    private readonly Lock gate = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    private FakeSpotify(WebApplication app, FakeCatalog catalog)
    {
        this.app = app;
        Catalog = catalog;
    }

    public string Url { get; private set; } = "";
    public string ApiUrl => $"{Url}/v1";
    public string AccountsUrl => $"{Url}/accounts";
    public string ReccoBeatsUrl => $"{Url}/recco/v1";
    public FakeCatalog Catalog { get; }

    /// <summary>Added to every answer, like a real network's round trip.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>audio-features and audio-analysis answer 403, as for apps created after 27 Nov 2024.</summary>
    public bool FeaturesClosed { get; set; }

    /// <summary>Only the old /playlists/{id}/tracks path exists.</summary>
    public bool NoItemsPath { get; set; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Called with the running count of audio-analysis requests.</summary>
    public Action<int>? OnAnalysis { get; set; }

    public static async Task<FakeSpotify> Start(FakeCatalog? catalog = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var web = builder.Build();
        var fake = new FakeSpotify(web, catalog ?? new FakeCatalog());
        web.Run(fake.Handle);
        await web.StartAsync().ConfigureAwait(false);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Url = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return fake;
    }

    /// <summary>The environment a pipeline run needs to talk to this fake.</summary>
    public Dictionary<string, string> Environment(string? redirectUri = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SPOTIFY_API_URL"] = ApiUrl,
            ["SPOTIFY_ACCOUNTS_URL"] = AccountsUrl,
            ["RECCOBEATS_API_URL"] = ReccoBeatsUrl,
            ["SPOTIFY_CLIENT_ID"] = ClientId,
        };
        if (redirectUri is not null)
        {
            variables["SPOTIFY_REDIRECT_URI"] = redirectUri;
        }
        return variables;
    }

    /// <summary>The next <paramref name="times"/> requests under the path get this answer instead.</summary>
    public void Inject(Fault fault, int times = 1)
    {
        fault.Remaining = times;
        lock (gate)
        {
            faults.Add(fault);
        }
    }

    public int Count(string pathPrefix) => Requests.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new FakeRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value?.TrimStart('?') ?? "",
            request.Headers.Authorization.FirstOrDefault(), clock.Elapsed));
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency).ConfigureAwait(false);
        }
        if (TakeFault(request.Path.Value ?? "") is { } fault)
        {
            await Answer(context, fault).ConfigureAwait(false);
            return;
        }
        var path = request.Path.Value ?? "";
        var (status, body) = path switch
        {
            _ when path.StartsWith("/accounts/", StringComparison.Ordinal) => await Accounts(context, path["/accounts".Length..]).ConfigureAwait(false),
            _ when path.StartsWith("/recco/v1/", StringComparison.Ordinal) => ReccoBeats(request, path["/recco/v1".Length..]),
            _ when path.StartsWith("/v1/", StringComparison.Ordinal) => Api(request, path["/v1".Length..]),
            _ => (404, Error(404, "no such endpoint")),
        };
        if (status == 302)
        {
            return;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body?.ToJsonString() ?? "").ConfigureAwait(false);
    }

    private Fault? TakeFault(string path)
    {
        lock (gate)
        {
            var fault = faults.FirstOrDefault(f => f.Remaining > 0 && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (fault is not null)
            {
                fault.Remaining--;
            }
            return fault;
        }
    }

    private static async Task Answer(HttpContext context, Fault fault)
    {
        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = fault.Status == 0 ? 200 : fault.Status;
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(fault.Body ?? Error(context.Response.StatusCode, "injected").ToJsonString()).ConfigureAwait(false);
    }

    private static JsonObject Error(int status, string message) => new() { ["error"] = new JsonObject { ["status"] = status, ["message"] = message } };
}
