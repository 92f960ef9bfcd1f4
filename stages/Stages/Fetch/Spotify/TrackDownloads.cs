using System.Net;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>Asks for the audio features and analyses the cache lacks, in batches, each answer kept in the cache as it arrives.</summary>
public sealed class TrackDownloads(JsonApi api, string apiUrl, IProgress<(string, long, long)> progress)
{
    /// <summary>Features of the ids the cache lacks; how many ids were asked for, and how many the cache had.</summary>
    public async Task<(int Asked, int Cached)> Features(UserBearer bearer, IReadOnlyList<string> ids, FeatureSource source,
        TrackJournal<SortedDictionary<string, double>> cache, CancellationToken cancel)
    {
        var wanted = ids.Where(id => !cache.TryGet(id, out _)).ToList();
        var batches = wanted.Chunk(source.BatchSize).ToList();
        await Each(batches, $"{bearer.User}: audio features", wanted.Count, async (batch, stop) =>
        {
            cache.Add(await source.Fetch(batch, bearer, stop).ConfigureAwait(false));
            return batch.Length;
        }, cancel).ConfigureAwait(false);
        return (wanted.Count, ids.Count - wanted.Count);
    }

    /// <summary>Analyses of the ids that have features and no cached analysis; how many were asked for, and how many the cache had.</summary>
    public async Task<(int Asked, int Cached)> Analyses(UserBearer bearer, IReadOnlyList<string> ids, TrackJournal<SortedDictionary<string, double>> features,
        TrackJournal<double[]> cache, CancellationToken cancel)
    {
        var known = ids.Where(id => features.TryGet(id, out var f) && f is not null).ToList();
        var wanted = known.Where(id => !cache.TryGet(id, out _)).ToList();
        await Each(wanted, $"{bearer.User}: audio analysis", wanted.Count, async (id, stop) =>
        {
            cache.Add([new(id, await Analysis(id, bearer, stop).ConfigureAwait(false))]);
            return 1;
        }, cancel).ConfigureAwait(false);
        return (wanted.Count, known.Count - wanted.Count);
    }

    private async Task<double[]?> Analysis(string id, UserBearer bearer, CancellationToken cancel)
    {
        var url = $"{apiUrl}/audio-analysis/{Uri.EscapeDataString(id)}";
        var endpoint = $"GET {url}";
        using var answer = await api.Get(url, endpoint, bearer, cancel).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.Forbidden)
        {
            throw SpotifyErrors.FeaturesClosed(endpoint);
        }
        if (answer.Body is not { } body)
        {
            return null; // 404: Spotify has no analysis of this track
        }
        try
        {
            return AnalysisReducer.Reduce(body.RootElement);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw SpotifyErrors.Malformed(endpoint, $"an audio analysis with segments of 12 timbre and 12 pitch values was expected ({e.Message})");
        }
    }

    /// <summary>All pieces at once (ResilientHttp bounds what is in flight), counting done items in the phase's progress.</summary>
    private async Task Each<T>(IReadOnlyList<T> pieces, string phase, int total, Func<T, CancellationToken, Task<int>> work, CancellationToken cancel)
    {
        if (total == 0)
        {
            return;
        }
        long done = 0;
        progress.Report((phase, 0, total));
        await Concurrently.Run(pieces.Select(piece => (Func<CancellationToken, Task<int>>)(async stop =>
        {
            var count = await work(piece, stop).ConfigureAwait(false);
            progress.Report((phase, Interlocked.Add(ref done, count), total));
            return count;
        })), cancel).ConfigureAwait(false);
    }
}
