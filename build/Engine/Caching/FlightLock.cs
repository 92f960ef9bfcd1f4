using Pipeline.Engine.Files;

namespace Pipeline.Engine.Caching;

/// <summary>
/// Single flight per fingerprint: whoever is about to run a stage for a fingerprint holds an OS file lock named by it in
/// the run-cache, so runs that share the cache (a sweep's points, threads or processes) run it once; the others wait,
/// then find the entry and restore it. The kernel releases the lock when its holder dies.
/// </summary>
internal sealed class FlightLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream handle;

    private FlightLock(FileStream handle) => this.handle = handle;

    public static FlightLock Acquire(string cacheDir, string fingerprint, Action onWaiting)
    {
        var folder = Path.Combine(cacheDir, "flight");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fingerprint + ".lock");
        return new FlightLock(ExclusiveFile.Acquire(path, Poll, first =>
        {
            if (first)
            {
                onWaiting();
            }
        }));
    }

    public void Dispose() => handle.Dispose();
}
