using System.Text.Json.Nodes;
using SpotifyFake;

namespace Pipeline.Tests.Harness;

/// <summary>A song workspace whose params read from Spotify, pointed at a loopback fake holding each person's liked songs.</summary>
public sealed class SpotifyScenario : IAsyncDisposable
{
    private SpotifyScenario(FakeSpotify fake, SongWorkspace workspace)
    {
        Fake = fake;
        Workspace = workspace;
    }

    public FakeSpotify Fake { get; }

    public SongWorkspace Workspace { get; }

    public static string Params(string users = "ana: {}\n    ben: {}", string provider = "spotify", bool analysis = true, string extra = "") => $$"""
        seed: 12345
        fetch:
          source: spotify
          users:
            {{users}}
          spotify: { features_provider: {{provider}}, audio_analysis: {{(analysis ? "true" : "false")}}, retries: 2, backoff_seconds: 0.05, timeout_seconds: 10{{extra}} }
        """ + "\n";

    /// <summary>A fake with <paramref name="songs"/> liked songs for each person, and a workspace logged in as each.</summary>
    public static async Task<SpotifyScenario> Start(int songs = 60, string? paramsYaml = null, params string[] people)
    {
        var fake = await FakeSpotify.Start();
        var workspace = new SongWorkspace(paramsYaml ?? Params());
        foreach (var (key, value) in fake.Environment())
        {
            workspace.Variables[key] = value;
        }
        var scenario = new SpotifyScenario(fake, workspace);
        foreach (var person in people.Length == 0 ? ["ana", "ben"] : people)
        {
            scenario.Like(person, songs);
            scenario.LogIn(person);
        }
        return scenario;
    }

    /// <summary>Adds <paramref name="count"/> new songs to the person's liked songs.</summary>
    public List<JsonObject> Like(string person, int count)
    {
        var liked = Fake.Liked.GetOrAdd(person, _ => []);
        var added = Enumerable.Range(liked.Count, count).Select(i => Fake.Catalog.Liked($"{person} {i}")).ToList();
        liked.AddRange(added);
        return added;
    }

    /// <summary>A saved login, as Login leaves it.</summary>
    public void LogIn(string person) => Workspace.Write($"credentials/tokens/{person}.json", Fake.Issue(person).ToJsonString());

    public CliResult Run(params string[] args) => Workspace.Run(args);

    /// <summary>The requests the fake received during <paramref name="action"/>.</summary>
    public List<FakeRequest> RequestsDuring(Action action)
    {
        var before = Fake.Requests.Count;
        action();
        return [.. Fake.Requests.Skip(before)];
    }

    public async ValueTask DisposeAsync()
    {
        Workspace.Dispose();
        await Fake.DisposeAsync();
    }
}
