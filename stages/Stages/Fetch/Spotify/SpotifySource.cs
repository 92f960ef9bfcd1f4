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

    public static (TrackTable Tracks, FetchSummary Summary) Fetch(FetchParams parameters, FetchRun run) =>
        FetchAsync(parameters, run).GetAwaiter().GetResult();

    private static async Task<(TrackTable, FetchSummary)> FetchAsync(FetchParams parameters, FetchRun run)
    {
        var endpoints = SpotifyEndpoints.Resolve(run.Resolve, run.Environment);
        var gate = new Lock();
        void Log(string message)
        {
            lock (gate)
            {
                run.Log(message);
            }
        }
        using var http = new ResilientHttp(parameters.Spotify, Log);
        var api = new JsonApi(http);
        var store = new TokenStore(run.Resolve);
        var accounts = new AccountsClient(http, endpoints);
        var bearers = parameters.Users.Keys.Order(StringComparer.Ordinal).Select(u => new UserBearer(u, store.Load(u), store, accounts)).ToList();
        try
        {
            var reader = new LibraryReader(api, endpoints.ApiUrl);
            var libraries = await Concurrently.Run(bearers.Select(b =>
                (Func<CancellationToken, Task<Library>>)(c => reader.Read(b, Playlist(parameters, b.User), run.Phases, c)))).ConfigureAwait(false);
            var source = FeatureSource.For(parameters.Spotify.FeaturesProvider, api, endpoints);
            var result = await Download(parameters.Spotify, run, new TrackDownloads(api, endpoints.ApiUrl, run.Phases), source, bearers, libraries).ConfigureAwait(false);
            Log($"{http.Sent:N0} requests");
            return result;
        }
        finally
        {
            bearers.ForEach(b => b.Dispose());
        }
    }

    /// <summary>Features, then analyses, of what the cache lacks; then the table from the libraries and the cache.</summary>
    private static async Task<(TrackTable, FetchSummary)> Download(SpotifyParams settings, FetchRun run, TrackDownloads downloads,
        FeatureSource source, List<UserBearer> bearers, Library[] libraries)
    {
        var folder = Path.Combine(run.StateDirectory, "spotify");
        using var features = new TrackJournal<SortedDictionary<string, double>>(Path.Combine(folder, $"features-{source.Name}.jsonl"));
        using var analyses = settings.AudioAnalysis ? new TrackJournal<double[]>(Path.Combine(folder, "audio-analysis.jsonl")) : null;
        var owned = Owned(libraries);
        var featureCounts = await Concurrently.Run(bearers.Select((b, i) =>
            (Func<CancellationToken, Task<(int, int)>>)(c => downloads.Features(b, owned[i], source, features, c)))).ConfigureAwait(false);
        var analysisCounts = analyses is null ? null : await Concurrently.Run(bearers.Select((b, i) =>
            (Func<CancellationToken, Task<(int, int)>>)(c => downloads.Analyses(b, owned[i], features, analyses, c)))).ConfigureAwait(false);
        if (features.Damaged + (analyses?.Damaged ?? 0) is > 0 and var damaged)
        {
            run.Log($"ignored {damaged} cache lines cut short by an earlier kill; those tracks were asked again");
        }
        var users = bearers.Select(b => b.User).ToList();
        var table = TrackAssembler.Assemble(users, libraries, features, analyses, out var summaries, out var missing);
        for (var i = 0; i < users.Count; i++)
        {
            var requests = $"audio features: {featureCounts[i].Item1:N0} asked, {featureCounts[i].Item2:N0} cached" +
                (analysisCounts is null ? "" : $"; audio analysis: {analysisCounts[i].Item1:N0} asked, {analysisCounts[i].Item2:N0} cached");
            run.Log($"{users[i]}: {summaries[i].From}: {summaries[i].Explain(source.Name)} ({requests})");
            if (summaries[i].Songs == 0)
            {
                throw SpotifyErrors.NoSongs(users[i], summaries[i], source.Name);
            }
        }
        if (missing.Count > 0)
        {
            run.Log($"{source.Name} gives no {string.Join(", ", missing)}: left out of data/raw/tracks.parquet");
        }
        return (table, new FetchSummary
        {
            Source = Sources.SpotifySourceKind.KindName,
            FeaturesProvider = source.Name,
            AudioAnalysis = settings.AudioAnalysis,
            MissingFeatures = missing,
            Users = new SortedDictionary<string, UserSummary>(users.Zip(summaries).ToDictionary(p => p.First, p => p.Second), StringComparer.Ordinal),
        });
    }

    private static string? Playlist(FetchParams parameters, string user) =>
        parameters.Users[user].Playlist is { } playlist ? PlaylistIds.Normalize(playlist) : null;

    /// <summary>For each person, the ids they are the first (in name order) to have: whose token asks for them.</summary>
    private static List<List<string>> Owned(IReadOnlyList<Library> libraries)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return libraries.Select(l => l.Tracks.Select(t => t.Id).Where(taken.Add).ToList()).ToList();
    }
}
