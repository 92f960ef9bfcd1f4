using System.Globalization;
using System.Net;
using Pipeline.Stages.Parameters;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// HttpClient behind Polly, polite: at most <c>concurrency</c> requests in flight; 429 waits Retry-After
/// (capped at 60 s, the wait logged); 5xx, timeouts and broken connections retry with exponential backoff
/// and jitter, a bounded number of times. Returns the response, or throws naming the endpoint once the retries are spent.
/// </summary>
public sealed class ResilientHttp : IDisposable
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private const int RateLimitRetries = 10;
    private static readonly ResiliencePropertyKey<string> EndpointKey = new("endpoint");

    private readonly HttpClient client;
    private readonly SemaphoreSlim slots;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly SpotifyParams settings;
    private readonly Action<string> log;
    private long sent;

    public ResilientHttp(SpotifyParams settings, Action<string> log, HttpMessageHandler? handler = null)
    {
        this.settings = settings;
        this.log = log;
        client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // A redirect is never followed: the token goes only to the host it was asked of.
            AllowAutoRedirect = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("song-taste-pipeline/1.0");
        slots = new SemaphoreSlim(settings.Concurrency);
        pipeline = Build(settings);
    }

    /// <summary>Requests sent so far, retries included.</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <param name="request">Makes the request; called again for each try, as a request cannot be sent twice.</param>
    /// <param name="endpoint">How errors and waits name the request, e.g. "GET https://api.spotify.com/v1/me/tracks".</param>
    public async Task<HttpResponseMessage> Send(Func<HttpRequestMessage> request, string endpoint, CancellationToken cancel)
    {
        await slots.WaitAsync(cancel).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancel);
        context.Properties.Set(EndpointKey, endpoint);
        var tries = 0;
        try
        {
            var response = await pipeline.ExecuteAsync(async ctx =>
            {
                tries++;
                Interlocked.Increment(ref sent);
                using var message = request();
                return await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                // The retries are spent.
                response.Dispose();
                throw SpotifyErrors.Failed(endpoint, response.StatusCode, tries);
            }
            return response;
        }
        catch (TimeoutRejectedException)
        {
            throw SpotifyErrors.NoAnswer(endpoint, settings.TimeoutSeconds, tries);
        }
        catch (HttpRequestException e)
        {
            throw SpotifyErrors.Unreachable(endpoint, e.Message, tries);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            slots.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        slots.Dispose();
    }

    private ResiliencePipeline<HttpResponseMessage> Build(SpotifyParams p)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
            MaxRetryAttempts = RateLimitRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(Math.Max(p.BackoffSeconds, 0.1)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                log(string.Create(CultureInfo.InvariantCulture,
                    $"{args.Context.Properties.GetValue(EndpointKey, "")}: 429 Too Many Requests; waiting {args.RetryDelay.TotalSeconds:0.#} s before trying again"));
                return ValueTask.CompletedTask;
            },
        });
        if (p.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                MaxRetryAttempts = p.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(p.BackoffSeconds),
                OnRetry = args =>
                {
                    var what = args.Outcome.Result is { } r ? $"{(int)r.StatusCode} {r.StatusCode}" : Describe(args.Outcome.Exception);
                    log(string.Create(CultureInfo.InvariantCulture,
                        $"{args.Context.Properties.GetValue(EndpointKey, "")}: {what}; retry {args.AttemptNumber + 1} of {p.Retries} in {args.RetryDelay.TotalSeconds:0.##} s"));
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(TimeSpan.FromSeconds(p.TimeoutSeconds)).Build();
    }

    /// <summary>The server's Retry-After, capped; null (Polly's backoff) when it gave none.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static string Describe(Exception? e) => e switch
    {
        TimeoutRejectedException => "no answer in time",
        HttpRequestException h => $"connection failed ({h.Message})",
        null => "failed",
        _ => e.Message,
    };
}
