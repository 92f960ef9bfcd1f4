using System.Text.Json.Nodes;
using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Tests.Harness;
using SpotifyFake;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>Liked songs and playlists across pages, and the items that are not songs.</summary>
public sealed class SpotifyPagingTests
{
    [Fact]
    public async Task Liked_songs_are_read_page_by_page_following_next_and_every_person_gets_a_row_per_song()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 230);

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        var pages = requests.Where(r => r.Path == "/v1/me/tracks").ToList();
        Assert.Equal(10, pages.Count); // 230 songs = 5 pages of 50, for each of two people
        Assert.All(pages, p => Assert.Contains("limit=50", p.Query, StringComparison.Ordinal));
        Assert.Equal(5, pages.Select(p => p.Query).Distinct().Count());
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(230, tracks.User.Count(u => u == "ana"));
        Assert.Equal(230, tracks.User.Count(u => u == "ben"));
        Assert.Equal(scenario.Fake.Liked["ana"].Select(i => i["track"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            tracks.TrackId.Where((_, i) => tracks.User[i] == "ana"));
    }

    [Fact]
    public async Task Each_person_and_phase_reports_its_count_and_time_in_plain_lines()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 60);

        var run = scenario.Run("--target=Fetch");

        foreach (var person in new[] { "ana", "ben" })
        {
            foreach (var phase in new[] { "liked songs", "audio features", "audio analysis" })
            {
                Assert.Matches($@"\n  fetch: {person}: {phase}: 60 in \d+\.\d s\n", run.Out);
            }
        }
        Assert.Contains("  fetch: ana: liked songs: 60 listed; none skipped; 60 songs (audio features: 60 asked, 0 cached; audio analysis: 60 asked, 0 cached)",
            run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_links_that_are_not_offsets_are_followed_one_page_at_a_time()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 130);
        scenario.Fake.OpaqueNext = true;

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(["limit=50", "page=1&limit=50", "page=2&limit=50"], requests.Where(r => r.Path == "/v1/me/tracks").Select(r => r.Query).Distinct());
        Assert.Equal(130, TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet")).User.Count(u => u == "ana"));
    }

    [Fact]
    public async Task A_server_that_caps_pages_below_50_is_read_in_its_own_page_size()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 130);
        scenario.Fake.PageCap = 20;

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(14, requests.Count(r => r.Path == "/v1/me/tracks")); // 7 pages of 20, for each of two people
        Assert.Equal(130, TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet")).User.Count(u => u == "ben"));
    }

    [Fact]
    public async Task Local_files_episodes_and_unavailable_items_are_skipped_and_counted_by_person()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 20);
        var ana = scenario.Fake.Liked["ana"];
        ana.Add(FakeCatalog.LocalFile("my demo tape.mp3"));
        ana.Add(FakeCatalog.LocalFile("another.flac"));
        ana.Add(FakeCatalog.Episode("a podcast"));
        ana.Add(FakeCatalog.Unavailable());
        ana.Add((JsonObject)ana[0].DeepClone());

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(0, run.ExitCode);
        var summary = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json"));
        var counts = summary.Users["ana"];
        Assert.Equal((25, 2, 1, 1, 1, 20), (counts.Listed, counts.LocalFiles, counts.Episodes, counts.Unavailable, counts.Duplicates, counts.Songs));
        Assert.Contains("ana: liked songs: 25 listed; skipped 2 local files, 1 episodes, 1 unavailable, 1 listed twice; 20 songs", run.Out, StringComparison.Ordinal);
        Assert.Equal(20, summary.Users["ben"].Songs);
    }

    [Fact]
    public async Task A_playlist_is_read_from_its_items_path_with_the_track_under_item()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10, paramsYaml: SpotifyScenario.Params("ana: {}\n    ben: { playlist: 'spotify:playlist:3cEYpjA9oz9GiPac4AsH4n' }"));
        var ids = AddSamplePlaylist(scenario.Fake, "3cEYpjA9oz9GiPac4AsH4n");

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(2, requests.Count(r => r.Path == "/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/items")); // 75 items, 50 a page
        Assert.DoesNotContain(requests, r => r.Path.EndsWith("/tracks", StringComparison.Ordinal) && r.Path.Contains("playlists", StringComparison.Ordinal));
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(ids.Distinct().Order(StringComparer.Ordinal), tracks.TrackId.Where((_, i) => tracks.User[i] == "ben"));
        var summary = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json"));
        Assert.Equal("playlist 3cEYpjA9oz9GiPac4AsH4n", summary.Users["ben"].From);
    }

    [Fact]
    public async Task A_server_without_the_items_path_is_read_from_the_older_tracks_path()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10, paramsYaml: SpotifyScenario.Params("ana: {}\n    ben: { playlist: 'https://open.spotify.com/playlist/3cEYpjA9oz9GiPac4AsH4n?si=x' }"));
        var ids = AddSamplePlaylist(scenario.Fake, "3cEYpjA9oz9GiPac4AsH4n");
        scenario.Fake.NoItemsPath = true;

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(1, requests.Count(r => r.Path == "/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/items"));
        Assert.Equal(2, requests.Count(r => r.Path == "/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/tracks"));
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(ids.Distinct().Count(), tracks.User.Count(u => u == "ben"));
    }

    [Fact]
    public async Task An_unknown_playlist_is_an_error_naming_the_person_and_the_param()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10, paramsYaml: SpotifyScenario.Params("ana: {}\n    ben: { playlist: 37i9dQZF1DXcBWIGoYBM5M }"));

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("fetch.users.ben.playlist: Spotify has no playlist '37i9dQZF1DXcBWIGoYBM5M' that ben can read (404)", run.Err, StringComparison.Ordinal);
    }

    /// <summary>The real 75-track playlist sample, served under <paramref name="id"/>, its tracks known to the catalogue.</summary>
    private static List<string> AddSamplePlaylist(FakeSpotify fake, string id)
    {
        var items = Samples.Read("playlist-75-tracks.json")["tracks"]!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        foreach (var item in items)
        {
            var track = item["track"]!.AsObject();
            fake.Catalog.Tracks[track["id"]!.GetValue<string>()] = track;
        }
        fake.Playlists[id] = items;
        return [.. items.Select(i => i["track"]!["id"]!.GetValue<string>())];
    }
}
