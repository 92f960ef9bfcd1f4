using System.Net;
using System.Net.Sockets;

namespace Pipeline.Tests.Harness;

/// <summary>A peer on 127.0.0.1 that accepts every connection and never answers: what a hung remote looks like.</summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private int accepted;

    public SilentServer()
    {
        listener.Start();
        _ = Task.Run(Accept);
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Connections accepted so far (each one a request attempt that got no answer).</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }
    }

    private async Task Accept()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                lock (held)
                {
                    held.Add(client);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
