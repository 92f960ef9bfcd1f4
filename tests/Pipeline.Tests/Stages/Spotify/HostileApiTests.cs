using System.Text.Json.Nodes;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>
/// The Spotify source against a hostile or broken server: the token goes only to the API's own host, paging is
/// bounded by what the answer says, every shape error is the same documented-answer error naming the endpoint, and
/// features out of their documented range are bad rows, counted.
/// </summary>
public sealed class HostileApiTests
{
    [Theory]
    [InlineData("other port")]
    [InlineData("other scheme")]
    [InlineData("other host")]
    public async Task A_next_link_to_anywhere_but_the_api_is_refused_and_never_followed(string where)
    {
        using var elsewhere = new SilentServer();
        await using var scenario = await SpotifyScenario.Start(songs: 120);
        var port = new Uri(scenario.Fake.Url).Port;
        var link = where switch
        {
            "other port" => $"{elsewhere.Endpoint}/v1/me/tracks?offset=50&limit=50",
            "other scheme" => $"https://127.0.0.1:{port}/v1/me/tracks?offset=50&limit=50",
            _ => $"http://localhost:{port}/v1/me/tracks?offset=50&limit=50",
        };
        scenario.Fake.TamperPage = (page, _) => { page["next"] = link; return page; };

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not to the API at", run.Err, StringComparison.Ordinal);
        Assert.Contains("not followed (the token goes only to the API's own host)", run.Err, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.Accepted);
        Assert.All(scenario.Fake.Requests.Where(r => r.Path == "/v1/me/tracks"), r => Assert.DoesNotContain("offset=50", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_next_link_that_loops_stops_at_the_total_instead_of_thousands_of_requests()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 200);
        // Every page says there is more, always pointing at a page already read (a cursor that never moves).
        scenario.Fake.OpaqueNext = true;
        scenario.Fake.TamperPage = (page, _) => { page["next"] = $"{scenario.Fake.ApiUrl}/me/tracks?page=1&limit=50"; return page; };

        var run = scenario.Run("--target=Fetch");

        Assert.True(scenario.Fake.Count("/v1/me/tracks") <= 2 * (200 / 50 + 3), $"{scenario.Fake.Count("/v1/me/tracks")} page requests");
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
    }

    [Fact]
    public async Task Pages_that_never_end_stop_at_a_ceiling_from_the_total()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 200);
        scenario.Fake.OpaqueNext = true;
        // Each page repeats the first page's songs and adds one new one, and links to the next: a server that never stops
        // and never reaches its total (200) within the pages the total allows. Two people read: at most 8 pages each.
        JsonArray? first = null;
        scenario.Fake.TamperPage = (page, offset) =>
        {
            var number = offset / 50;
            first ??= (JsonArray)page["items"]!.DeepClone();
            var items = (JsonArray)first.DeepClone();
            items.Add(scenario.Fake.Catalog.Liked($"endless {number}"));
            page["items"] = items;
            page["next"] = $"{scenario.Fake.ApiUrl}/me/tracks?page={number + 1}&limit=50";
            return page;
        };

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("still more pages after", run.Err, StringComparison.Ordinal);
        Assert.True(scenario.Fake.Count("/v1/me/tracks") <= 2 * (200 / 50 + 4), $"{scenario.Fake.Count("/v1/me/tracks")} page requests");
    }

    [Fact]
    public async Task An_absurd_total_is_refused_with_a_clear_error()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 20);
        scenario.Fake.TamperPage = (page, _) => { page["total"] = 1_000_000_000L; return page; };

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the answer says 1,000,000,000 items, more than the 1,000,000 a library or playlist can hold", run.Err, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Fake.Count("/v1/me/tracks"));
    }

    [Theory]
    [InlineData("an item that is not an object")]
    [InlineData("items that are not a list")]
    [InlineData("a total that is text")]
    [InlineData("a next that is a number")]
    [InlineData("an answer that is a list")]
    public async Task A_page_of_the_wrong_shape_is_the_documented_answer_error_naming_the_endpoint(string shape)
    {
        await using var scenario = await SpotifyScenario.Start(songs: 20);
        scenario.Fake.TamperPage = (page, _) =>
        {
            switch (shape)
            {
                case "an item that is not an object": ((JsonArray)page["items"]!).Add(42); return page;
                case "items that are not a list": page["items"] = "none"; return page;
                case "a total that is text": page["total"] = "twenty"; return page;
                case "a next that is a number": page["next"] = 7; return page;
                default: return new JsonArray(1, 2);
            }
        };

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"GET http://127\.0\.0\.1:\d+/v1/me/tracks\?limit=50: the answer is not what the API documents \(", run.Err);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyNotFoundException", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a feature that is text")]
    [InlineData("an item that is a number")]
    public async Task Audio_features_of_the_wrong_shape_are_the_documented_answer_error(string shape)
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10);
        scenario.Fake.TamperFeatures = answer =>
        {
            var list = (JsonArray)answer["audio_features"]!;
            if (shape == "a feature that is text")
            {
                list[0]!["energy"] = "loud";
            }
            else
            {
                list.Add(3);
            }
            return answer;
        };

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/audio-features", run.Err, StringComparison.Ordinal);
        Assert.Contains("the answer is not what the API documents", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_features_out_of_their_documented_range_are_bad_rows_counted_and_never_reach_features()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 20);
        var spoiled = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        scenario.Fake.TamperFeatures = answer =>
        {
            var list = (JsonArray)answer["audio_features"]!;
            list[0]!["danceability"] = 7.0;
            list[1]!["tempo"] = -50.0;
            list[2]!["loudness"] = -1e3;
            foreach (var item in list.Take(3))
            {
                spoiled[item!["id"]!.GetValue<string>()] = true;
            }
            return answer;
        };

        var run = scenario.Run("--target=Fetch");

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json"));
        Assert.True(spoiled.Count >= 3);
        Assert.Equal(spoiled.Count, summary.Users.Values.Sum(u => u.BadFeatures));
        Assert.Contains("with features out of range", run.Out, StringComparison.Ordinal);
        var tracks = Pipeline.Stages.Data.TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(40 - spoiled.Count, tracks.User.Length);
        Assert.DoesNotContain(tracks.TrackId, id => spoiled.ContainsKey(id));
    }
}
