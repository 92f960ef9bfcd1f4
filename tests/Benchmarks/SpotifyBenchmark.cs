using SpotifyFake;

namespace Pipeline.Benchmarks;

/// <summary>
/// The Spotify source against the loopback fake with 50 ms latency a request: two people x 1,000 liked songs
/// with audio analysis, the first fetch and a second one with no new likes, through the real host. The
/// reference is the original project's sequential requests: (20 pages + 10 batches + 1,000 analyses) x 50 ms x 2.
/// </summary>
internal static class SpotifyBenchmark
{
    private const int Songs = 1_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static void Run(string host, bool sequentialToo, Action<string, string, string> print)
    {
        var reference = (Songs / 50 + Songs / 100 + Songs) * Latency.TotalSeconds * 2;
        print("Spotify fetch, original's sequential requests (computed)", $"{reference:0.0} s", $"{2 * (Songs / 50 + Songs / 100 + Songs):N0} requests at 50 ms");
        var (first, firstRequests, second, secondRequests) = Fetch(host, concurrency: 8).GetAwaiter().GetResult();
        print("Spotify fetch, 2 x 1,000 liked songs + analysis, first run", $"{first:0.0} s", $"{firstRequests:N0} requests, {reference / first:0.0}x faster (target 6x)");
        print("Spotify fetch, second run with no new likes", $"{second:0.00} s", $"{secondRequests:N0} requests (target: the 40 liked-song pages only)");
        if (sequentialToo)
        {
            var (sequential, requests, _, _) = Fetch(host, concurrency: 1).GetAwaiter().GetResult();
            print("Spotify fetch, same with concurrency 1 (measured)", $"{sequential:0.0} s", $"{requests:N0} requests");
        }
    }

    private static async Task<(double, int, double, int)> Fetch(string host, int concurrency)
    {
        await using var fake = await FakeSpotify.Start();
        fake.Latency = Latency;
        var workspace = Directory.CreateTempSubdirectory("bench-spotify-").FullName;
        try
        {
            foreach (var person in new[] { "ana", "ben" })
            {
                fake.Liked[person] = [.. Enumerable.Range(0, Songs).Select(i => fake.Catalog.Liked($"{person} {i}"))];
                Directory.CreateDirectory(Path.Combine(workspace, "credentials", "tokens"));
                File.WriteAllText(Path.Combine(workspace, "credentials", "tokens", $"{person}.json"), fake.Issue(person).ToJsonString());
            }
            File.WriteAllText(Path.Combine(workspace, "params.yaml"),
                $"fetch:\n  source: spotify\n  users: {{ ana: {{}}, ben: {{}} }}\n  spotify: {{ features_provider: spotify, audio_analysis: true, concurrency: {concurrency} }}\n");
            foreach (var (key, value) in fake.Environment())
            {
                Environment.SetEnvironmentVariable(key, value);
            }
            var run = Measure.Run(workspace, host, "--target=Fetch");
            var firstRequests = fake.Requests.Count;
            var again = Measure.Run(workspace, host, "--target=Fetch");
            return (Measure.StageSeconds(run.Output, "Fetch"), firstRequests, Measure.StageSeconds(again.Output, "Fetch"), fake.Requests.Count - firstRequests);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }
}
