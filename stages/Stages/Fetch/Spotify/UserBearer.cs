namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// One person's access token for the requests made on their behalf: refreshed before it expires, and once
/// more when Spotify answers 401; the refreshed login is saved at once. Safe to use from concurrent requests.
/// </summary>
public sealed class UserBearer(string user, SpotifyToken token, TokenStore store, AccountsClient accounts, TimeProvider? time = null) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private SpotifyToken current = token;

    public string User { get; } = user;

    public async Task<string> Current(CancellationToken cancel)
    {
        var now = current;
        return now.IsStale(clock.GetUtcNow()) ? await Renew(now.AccessToken, cancel).ConfigureAwait(false) : now.AccessToken;
    }

    /// <summary>A fresh token after <paramref name="rejected"/> was refused; one refresh serves every request that saw it.</summary>
    public async Task<string> Renew(string rejected, CancellationToken cancel)
    {
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (current.AccessToken != rejected && !current.IsStale(clock.GetUtcNow()))
            {
                return current.AccessToken;
            }
            current = await accounts.Refresh(User, current, cancel).ConfigureAwait(false);
            store.Save(User, current);
            return current.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
