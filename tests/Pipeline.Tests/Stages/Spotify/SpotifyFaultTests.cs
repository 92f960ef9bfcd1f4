using Pipeline.Tests.Harness;
using SpotifyFake;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>Rate limits, server errors, timeouts, closed endpoints and broken answers: waited for, retried, or a clear failure.</summary>
public sealed class SpotifyFaultTests
{
    [Fact]
    public async Task A_429_waits_as_long_as_Retry_After_says_shows_the_wait_and_then_succeeds()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 30);
        scenario.Fake.Inject(new Fault("/v1/audio-features", Status: 429, RetryAfterSeconds: 2));

        var requests = scenario.RequestsDuring(() =>
        {
            var run = scenario.Run("--target=Fetch");
            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"GET http://127\.0\.0\.1:\d+/v1/audio-features\?ids=<30 ids>: 429 Too Many Requests; waiting 2 s before trying again", run.Out);
        });

        var features = requests.Where(r => r.Path == "/v1/audio-features").ToList();
        Assert.Equal(3, features.Count); // ana's, refused; ben's; ana's again
        var refused = features[0];
        var retried = features.Single(f => f != refused && f.Query == refused.Query);
        Assert.True(retried.At - refused.At >= TimeSpan.FromSeconds(1.9), $"retried after {retried.At - refused.At}");
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_the_run_succeeds()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 30);
        scenario.Fake.Inject(new Fault("/v1/me/tracks", Status: 500), times: 2);

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("500 InternalServerError; retry 1 of 2", run.Out, StringComparison.Ordinal);
        Assert.Equal(4, scenario.Fake.Count("/v1/me/tracks"));
    }

    [Fact]
    public async Task A_500_that_never_ends_fails_the_stage_naming_the_endpoint_status_and_tries_and_keeps_the_previous_output()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 30);
        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);
        var before = scenario.Workspace.Bytes("data/raw/tracks.parquet");
        scenario.Like("ana", 5);
        scenario.Fake.Inject(new Fault("/v1/audio-features", Status: 503), times: 1000);

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"error: Fetch failed: SpotifyApiException: GET http://127\.0\.0\.1:\d+/v1/audio-features\?ids=<5 ids>: answered 503 ServiceUnavailable \(3 tries\)", run.Err);
        Assert.Equal(before, scenario.Workspace.Bytes("data/raw/tracks.parquet"));
        Assert.Equal("Failed", run.Outcome("Fetch"));
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_retried_then_fails_naming_the_endpoint_and_the_timeout()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 5,
            paramsYaml: SpotifyScenario.Params(extra: ", timeout_seconds: 0.5").Replace("timeout_seconds: 10, ", "", StringComparison.Ordinal));
        scenario.Fake.Inject(new Fault("/v1/me/tracks", Delay: TimeSpan.FromSeconds(30)), times: 1000);

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"GET http://127\.0\.0\.1:\d+/v1/me/tracks\?limit=50: no answer within 0\.5 s \(3 tries\) \(fetch\.spotify\.timeout_seconds\)", run.Err);
        Assert.Contains("no answer in time; retry 1 of 2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_audio_features_explains_the_2024_closure_and_what_to_set_instead()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 5);
        scenario.Fake.FeaturesClosed = true;

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/v1/audio-features?ids=<5 ids>: 403 Forbidden. Spotify closed audio-features and audio-analysis to apps created after 27 Nov 2024. " +
            "Set fetch.spotify.features_provider: reccobeats and fetch.spotify.audio_analysis: false in params.yaml, or use the csv source", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_audio_analysis_gives_the_same_explanation()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 5, paramsYaml: SpotifyScenario.Params(provider: "reccobeats"));
        scenario.Fake.FeaturesClosed = true;

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"/v1/audio-analysis/\w+: 403 Forbidden\. Spotify closed audio-features and audio-analysis to apps created after 27 Nov 2024", run.Err);
    }

    [Fact]
    public async Task A_403_on_the_liked_songs_explains_the_development_mode_limits()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 5);
        scenario.Fake.Inject(new Fault("/v1/me/tracks", Status: 403));

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/v1/me/tracks?limit=50: Spotify refused", run.Err, StringComparison.Ordinal);
        Assert.Contains("A development-mode app serves at most 5 people, each added under User Management in the app's dashboard", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/me/tracks", "{\"items\": [", "not JSON")]
    [InlineData("/v1/me/tracks", "{\"total\": 3}", "a page of items was expected")]
    [InlineData("/v1/audio-features", "<html>busy</html>", "not JSON")]
    [InlineData("/recco/v1/audio-features", "[1, 2]", "a list of audio features was expected")]
    [InlineData("/v1/audio-analysis/", "{\"segments\": [{\"timbre\": [1, 2]}]}", "an audio analysis with segments of 12 timbre and 12 pitch values was expected")]
    public async Task A_malformed_answer_is_a_clear_failure_naming_the_endpoint(string path, string body, string expected)
    {
        var provider = path.StartsWith("/recco", StringComparison.Ordinal) ? "reccobeats" : "spotify";
        await using var scenario = await SpotifyScenario.Start(songs: 5, paramsYaml: SpotifyScenario.Params(provider: provider));
        scenario.Fake.Inject(new Fault(path, Status: 200, Body: body));

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"error: Fetch failed: SpotifyApiException: GET http://127\.0\.0\.1:\d+{System.Text.RegularExpressions.Regex.Escape(path)}[^:]*: the answer is not what the API documents \({System.Text.RegularExpressions.Regex.Escape(expected)}", run.Err);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }
}
