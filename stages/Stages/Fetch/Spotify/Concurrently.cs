namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>Runs pieces of work at once; the first failure cancels the rest and is the one thrown.</summary>
public static class Concurrently
{
    public static async Task<T[]> Run<T>(IEnumerable<Func<CancellationToken, Task<T>>> work, CancellationToken cancel = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        async Task<T> Guarded(Func<CancellationToken, Task<T>> piece)
        {
            try
            {
                return await piece(stop.Token).ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
        return await Task.WhenAll(work.Select(Guarded).ToList()).ConfigureAwait(false);
    }
}
