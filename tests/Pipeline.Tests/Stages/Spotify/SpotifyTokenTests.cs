using System.Text.Json.Nodes;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>Saved logins: refreshed when Spotify says 401, a clear message when revoked or missing, never shown anywhere.</summary>
public sealed class SpotifyTokenTests
{
    [Fact]
    public async Task A_401_refreshes_the_token_once_saves_it_and_the_request_succeeds()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 30);
        var before = JsonNode.Parse(scenario.Workspace.Read("credentials/tokens/ana.json"))!;
        scenario.Fake.ExpireAccessTokens("ana");

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, scenario.Fake.Refreshes);
        var after = JsonNode.Parse(scenario.Workspace.Read("credentials/tokens/ana.json"))!;
        Assert.NotEqual(before["access_token"]!.GetValue<string>(), after["access_token"]!.GetValue<string>());
        Assert.NotEqual(before["refresh_token"]!.GetValue<string>(), after["refresh_token"]!.GetValue<string>()); // rotated, and kept
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, FileModes.Of(scenario.Workspace.PathOf("credentials/tokens/ana.json")));
        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);
        Assert.Equal(1, scenario.Fake.Refreshes);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_before_it_is_used()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10);
        var token = JsonNode.Parse(scenario.Workspace.Read("credentials/tokens/ben.json"))!.AsObject();
        token["expires_at"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        scenario.Workspace.Write("credentials/tokens/ben.json", token.ToJsonString());

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(1, scenario.Fake.Refreshes);
        Assert.DoesNotContain(requests, r => r.Authorization == $"Bearer {token["access_token"]!.GetValue<string>()}");
    }

    [Fact]
    public async Task A_revoked_refresh_token_stops_with_the_Login_command_to_run()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10);
        scenario.Fake.Revoke("ben");

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Spotify no longer accepts ben's saved login (invalid_grant: Refresh token revoked): the access was revoked or expired; " +
            "run ./build.sh --target=Login --user=ben", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_never_logged_in_is_an_error_before_anything_runs_naming_them_and_the_Login_command()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10, paramsYaml: SpotifyScenario.Params("ana: {}\n    ben: {}\n    cleo: {}"));

        var requests = scenario.RequestsDuring(() =>
        {
            foreach (var run in new[] { scenario.Run("--target=Report"), scenario.Run("--target=Report", "--dryrun") })
            {
                Assert.Equal(2, run.ExitCode);
                Assert.Contains("error: Fetch: fetch.users.cleo: not logged in to Spotify (no credentials/tokens/cleo.json); run ./build.sh --target=Login --user=cleo",
                    run.Err, StringComparison.Ordinal);
            }
        });

        Assert.Empty(requests);
        Assert.False(scenario.Workspace.Exists("data"));
    }

    [Fact]
    public async Task Without_a_client_id_the_run_stops_before_it_starts_saying_where_to_put_one()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 10);
        scenario.Workspace.Variables.Remove("SPOTIFY_CLIENT_ID");

        var run = scenario.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no Spotify client id: set SPOTIFY_CLIENT_ID, or client_id in credentials/credentials.json", run.Err, StringComparison.Ordinal);
        scenario.Workspace.Write("credentials/credentials.json", $$"""{ "client_id": "{{SpotifyFake.FakeSpotify.ClientId}}" }""");
        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);
    }

    [Fact]
    public async Task No_token_or_code_appears_in_any_output_or_file_but_the_token_files()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 40);
        scenario.Fake.ExpireAccessTokens("ana");
        scenario.Fake.Inject(new SpotifyFake.Fault("/v1/audio-features", Status: 500));
        var runs = new List<CliResult> { scenario.Run("--target=Report", "--verbosity=verbose") };
        scenario.Fake.Revoke("ben");
        runs.Add(scenario.Run("--target=Report", "--verbosity=verbose"));

        Assert.Equal([0, 2], runs.Select(r => r.ExitCode));
        var secrets = scenario.Fake.Secrets.ToList();
        Assert.NotEmpty(secrets);
        var texts = runs.SelectMany(r => new[] { r.Out, r.Err }).ToList();
        foreach (var file in Directory.EnumerateFiles(scenario.Workspace.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}credentials{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            texts.Add(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
        Assert.All(secrets, secret => Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal)));
    }
}
