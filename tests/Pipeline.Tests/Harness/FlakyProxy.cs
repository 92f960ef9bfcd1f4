using System.Net;

namespace Pipeline.Tests.Harness;

/// <summary>
/// A loopback HTTP proxy in front of an S3 server that passes the first P requests, answers 503 Slow Down to the
/// next N (or to every one after), then passes the rest: a fault the client must retry, or give up on, by name.
/// </summary>
public sealed class FlakyProxy : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient client = new();
    private readonly string target;
    private readonly int failures;
    private readonly int passFirst;
    private readonly bool stall;
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource passedAll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int answered;
    private int requests;

    /// <param name="failures">How many requests fail before the others pass; -1: all of them.</param>
    /// <param name="passFirst">How many requests pass before the failures start.</param>
    /// <param name="stall">Instead of failing, hold every request after the first <paramref name="passFirst"/> unanswered (a process to kill mid-transfer).</param>
    public FlakyProxy(string target, int failures, int passFirst = 0, bool stall = false)
    {
        (this.target, this.failures, this.passFirst, this.stall) = (target.TrimEnd('/'), failures, passFirst, stall);
        var port = MotoServer.FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        _ = Task.Run(Serve);
    }

    public string Endpoint { get; }

    public int Requests => requests;

    /// <summary>Completes when a request is held and every request passed before it has had its answer from the server (with <c>stall</c>).</summary>
    public Task Stalled => stalled.Task;

    public void Dispose()
    {
        closing.Cancel();
        listener.Close();
        client.Dispose();
        closing.Dispose();
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            var n = Interlocked.Increment(ref requests);
            if (stall && n > passFirst)
            {
                await passedAll.Task.WaitAsync(closing.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, closing.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.Abort();
                return;
            }
            if (n > passFirst && (failures < 0 || n <= passFirst + failures))
            {
                context.Response.StatusCode = 503;
                var body = "<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"u8.ToArray();
                context.Response.ContentType = "application/xml";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
                return;
            }
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), target + context.Request.RawUrl);
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            request.Content = new ByteArrayContent(buffer.ToArray());
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            {
                if (name is "Host" or "Content-Length" or "Expect" or "Connection" or "Transfer-Encoding")
                {
                    continue;
                }
                var value = context.Request.Headers[name]!;
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
            using var response = await client.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (name is not ("Transfer-Encoding" or "Content-Length" or "Connection"))
                {
                    context.Response.Headers[name] = string.Join(",", values);
                }
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            if (Interlocked.Increment(ref answered) == passFirst)
            {
                passedAll.TrySetResult();
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }
}
