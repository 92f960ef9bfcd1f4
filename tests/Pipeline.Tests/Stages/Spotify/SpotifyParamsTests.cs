using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>fetch.spotify and the spotify users are validated like every other section: before anything runs, with line and key.</summary>
public sealed class SpotifyParamsTests
{
    [Theory]
    [InlineData("features_provider: spotify", "features_provider: echonest", "params.yaml:7:", "'fetch.spotify.features_provider': must be spotify or reccobeats")]
    [InlineData("retries: 2", "retries: 50", "params.yaml:7:", "'fetch.spotify.retries': must be between 0 and 10")]
    [InlineData("timeout_seconds: 10", "timeout_seconds: 0", "params.yaml:7:", "'fetch.spotify.timeout_seconds': must be between 0.1 and 600")]
    [InlineData("ben: {}", "ben: { file: imports/ben.csv }", "params.yaml:5:", "'fetch.users': 'ben' names a file, which the spotify source does not read")]
    [InlineData("ben: {}", "ben: { playlist: 'not a playlist!' }", "params.yaml:5:", "'ben': playlist 'not a playlist!' is not a Spotify playlist id")]
    [InlineData("ben: {}", "ben/../x: {}", "params.yaml:5:", "'ben/../x': a person's name must be letters, digits")]
    [InlineData("source: spotify", "source: demo", "params.yaml:5:", "'fetch.users': 'ben' names a playlist, which only the spotify source reads")]
    public void A_bad_spotify_param_is_an_error_naming_the_line_and_the_rule(string from, string to, string where, string message)
    {
        var yaml = SpotifyScenario.Params("ana: {}\n    ben: { playlist: 37i9dQZF1DXcBWIGoYBM5M }").Replace("ben: { playlist: 37i9dQZF1DXcBWIGoYBM5M }", "ben: {}", StringComparison.Ordinal);
        if (from == "source: spotify")
        {
            yaml = yaml.Replace("ben: {}", "ben: { playlist: 37i9dQZF1DXcBWIGoYBM5M }", StringComparison.Ordinal);
        }
        using var workspace = new SongWorkspace(yaml.Replace(from, to, StringComparison.Ordinal));

        var run = workspace.Run("--target=Fetch", "--dryrun");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(where, run.Err, StringComparison.Ordinal);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_flag_for_fetch_spotify_is_validated_the_same_way()
    {
        using var workspace = new SongWorkspace(SpotifyScenario.Params());

        var run = workspace.Run("--target=Fetch", "--dryrun", "--set", "fetch.spotify.concurrency=0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'fetch.spotify.concurrency': must be between 1 and 32", run.Err, StringComparison.Ordinal);
    }
}
