using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// The spotify source: each person's liked songs (or playlist), their audio features and, when asked, their
/// audio analysis reduced to timbre and pitch means. People are read at once; features and analyses are asked
/// once per track id (by the first person, in name order, who has it), only for ids the per-track cache lacks.
/// </summary>
public static class SpotifySource
{
    /// <summary>Everyone has a saved login, and there is a client id to refresh it with; else an error naming the fix.</summary>
    public static void Check(FetchParams parameters, Func<string, string> resolve, Func<string, string?> environment)
    {
        var store = new TokenStore(resolve);
        foreach (var user in parameters.Users.Keys.Order(StringComparer.Ordinal))
        {
            store.Load(user);
        }
        SpotifyEndpoints.Resolve(resolve, environment).RequireClientId();
    }

    public static (TrackTable Tracks, FetchSummary Summary) Fetch(FetchParams parameters, SpotifyRun run) =>
        FetchAsync(parameters, run).GetAwaiter().GetResult();

    private static async Task<(TrackTable, FetchSummary)> FetchAsync(FetchParams parameters, SpotifyRun run)
    {
        var settings = parameters.Spotify;
        var endpoints = SpotifyEndpoints.Resolve(run.Resolve, run.Environment);
        var gate = new Lock();
        void Log(string message)
        {
            lock (gate)
            {
                run.Log(message);
            }
        }
        using var http = new ResilientHttp(settings, Log);
        var api = new JsonApi(http);
        var store = new TokenStore(run.Resolve);
        var accounts = new AccountsClient(http, endpoints);
        var users = parameters.Users.Keys.Order(StringComparer.Ordinal).ToList();
        var bearers = users.Select(u => new UserBearer(u, store.Load(u), store, accounts)).ToList();
        try
        {
            return await FetchAll(parameters, run, endpoints, http, api, bearers, Log).ConfigureAwait(false);
        }
        finally
        {
            bearers.ForEach(b => b.Dispose());
        }
    }

    private static async Task<(TrackTable, FetchSummary)> FetchAll(FetchParams parameters, SpotifyRun run, SpotifyEndpoints endpoints,
        ResilientHttp http, JsonApi api, List<UserBearer> bearers, Action<string> log)
    {
        var settings = parameters.Spotify;
        var users = bearers.Select(b => b.User).ToList();
        var playlists = users.Select(u => parameters.Users[u].Playlist is { } p ? PlaylistIds.Normalize(p) : null).ToList();

        var reader = new LibraryReader(api, endpoints.ApiUrl);
        var libraries = await Concurrently.Run(users.Select((_, i) => (Func<CancellationToken, Task<Library>>)(c => reader.Read(bearers[i], playlists[i], run.Phases, c)))).ConfigureAwait(false);

        var folder = Path.Combine(run.StateDirectory, "spotify");
        var source = FeatureSource.For(settings.FeaturesProvider, api, endpoints);
        using var features = new TrackJournal<SortedDictionary<string, double>>(Path.Combine(folder, $"features-{source.Name}.jsonl"));
        using var analyses = settings.AudioAnalysis ? new TrackJournal<double[]>(Path.Combine(folder, "audio-analysis.jsonl")) : null;
        var owned = Owned(libraries);
        var downloads = new TrackDownloads(api, endpoints.ApiUrl, run.Phases);
        var newFeatures = await Concurrently.Run(bearers.Select((b, i) => (Func<CancellationToken, Task<int>>)(c => downloads.Features(b, owned[i], source, features, c)))).ConfigureAwait(false);
        var newAnalyses = analyses is null ? new int[users.Count]
            : await Concurrently.Run(bearers.Select((b, i) => (Func<CancellationToken, Task<int>>)(c => downloads.Analyses(b, owned[i], features, analyses, c)))).ConfigureAwait(false);
        if (features.Damaged + (analyses?.Damaged ?? 0) > 0)
        {
            log($"ignored {features.Damaged + (analyses?.Damaged ?? 0)} cache lines cut short by an earlier kill; those tracks were asked again");
        }

        var table = TrackAssembler.Assemble(users, libraries, features, analyses, out var summaries, out var missing);
        for (var i = 0; i < users.Count; i++)
        {
            var asked = $"audio features: {newFeatures[i]:N0} asked, {owned[i].Count - newFeatures[i]:N0} cached" +
                (analyses is null ? "" : $"; audio analysis: {newAnalyses[i]:N0} asked");
            log($"{users[i]}: {summaries[i].From}: {summaries[i].Explain(source.Name)} ({asked})");
            if (summaries[i].Songs == 0)
            {
                throw SpotifyErrors.NoSongs(users[i], summaries[i], source.Name);
            }
        }
        if (missing.Count > 0)
        {
            log($"{source.Name} gives no {string.Join(", ", missing)}: left out of data/raw/tracks.parquet");
        }
        log($"{http.Sent} requests");
        return (table, new FetchSummary
        {
            Source = "spotify",
            FeaturesProvider = source.Name,
            AudioAnalysis = settings.AudioAnalysis,
            MissingFeatures = missing,
            Users = new SortedDictionary<string, UserSummary>(users.Select((u, i) => (u, summaries[i])).ToDictionary(x => x.u, x => x.Item2), StringComparer.Ordinal),
        });
    }

    /// <summary>For each person, the ids they are the first (in name order) to have: whose token asks for them.</summary>
    private static List<List<string>> Owned(IReadOnlyList<Library> libraries)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return libraries.Select(l => l.Tracks.Select(t => t.Id).Where(taken.Add).ToList()).ToList();
    }
}
