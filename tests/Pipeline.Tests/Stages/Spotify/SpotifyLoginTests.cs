using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Tests.Harness;
using SpotifyFake;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>./build.sh --target=Login: the PKCE flow, completed by the test acting as the browser.</summary>
public sealed class SpotifyLoginTests : IAsyncLifetime, IDisposable
{
    private FakeSpotify fake = null!;
    private SongWorkspace workspace = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeSpotify.Start();
        workspace = new SongWorkspace(SongWorkspace.DemoParams());
        foreach (var (key, value) in fake.Environment($"http://127.0.0.1:{FreePort()}/callback"))
        {
            workspace.Variables[key] = value;
        }
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task The_browser_redirect_is_caught_on_the_loopback_port_and_the_tokens_are_saved_0600()
    {
        fake.LoginUser = "ana";
        using var output = new LineWriter();
        var (login, address) = StartLogin("ana", TextReader.Null, output);

        Assert.Contains("Spotify has answered", await Browse(address), StringComparison.Ordinal);
        var result = await login;

        Assert.Equal(0, result.ExitCode);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(address).Query);
        Assert.Equal((FakeSpotify.ClientId, "code", "S256", SpotifyLogin.Scopes), (query["client_id"], query["response_type"], query["code_challenge_method"], query["scope"]));
        Assert.Equal(workspace.Variables["SPOTIFY_REDIRECT_URI"], query["redirect_uri"]);
        Assert.Contains("Logged in ana: the login is saved in credentials/tokens/ana.json (readable by you only, never committed)", result.Out, StringComparison.Ordinal);
        var path = workspace.PathOf("credentials/tokens/ana.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, FileModes.Of(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, FileModes.Of(Path.GetDirectoryName(path)!));
        var saved = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Contains(saved["access_token"]!.GetValue<string>(), fake.Secrets);
        Assert.All(fake.Secrets, s => Assert.DoesNotContain(s, result.Out + result.Err, StringComparison.Ordinal));
        var ignored = Git.Run(Repository.Root, "check-ignore", "credentials/tokens/ana.json", "credentials/credentials.json");
        Assert.Equal(["credentials/tokens/ana.json", "credentials/credentials.json"], ignored.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public async Task Listening_on_every_address_as_in_a_container_still_catches_the_loopback_redirect(string listen)
    {
        fake.LoginUser = "ana";
        workspace.Variables["SPOTIFY_LOGIN_LISTEN"] = listen;
        using var output = new LineWriter();
        var (login, address) = StartLogin("ana", TextReader.Null, output);

        Assert.Contains("Spotify has answered", await Browse(address), StringComparison.Ordinal);
        var result = await login;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(workspace.Exists("credentials/tokens/ana.json"));
    }

    [Fact]
    public void A_listen_address_that_is_not_one_is_a_usage_error_naming_the_variable()
    {
        workspace.Variables["SPOTIFY_LOGIN_LISTEN"] = "everywhere";

        var result = workspace.Run("--target=Login", "--user=ana", "--no-browser");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SPOTIFY_LOGIN_LISTEN=everywhere: not an IP address", result.Err, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task With_no_browser_the_redirected_address_can_be_pasted_on_standard_input()
    {
        workspace.Variables["SPOTIFY_REDIRECT_URI"] = "https://example.org/spotify/callback"; // no loopback listener: paste only
        using var output = new LineWriter();
        using var input = new TypedInput();
        var (login, address) = StartLogin("ben", input, output);

        output.WaitFor(l => l.Contains("paste that whole address here", StringComparison.Ordinal));
        input.Type("not an address");
        input.Type(await Redirected(address));
        var result = await login;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("That is not the address the browser was sent to", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(workspace.PathOf("credentials/tokens/ben.json")));
    }

    [Fact]
    public async Task An_answer_whose_state_does_not_match_is_refused_and_nothing_is_saved()
    {
        workspace.Variables["SPOTIFY_REDIRECT_URI"] = "https://example.org/spotify/callback";
        using var output = new LineWriter();
        using var input = new TypedInput();
        var (login, address) = StartLogin("ben", input, output);

        var redirected = await Redirected(address);
        input.Type(System.Text.RegularExpressions.Regex.Replace(redirected, "state=[^&]+", "state=forged"));
        var result = await login;

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Login: the redirect's state does not match this login", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf("credentials/tokens/ben.json")));
    }

    [Fact]
    public async Task A_denied_consent_is_a_clear_error()
    {
        fake.DenyConsent = true;
        using var output = new LineWriter();
        var (login, address) = StartLogin("ana", TextReader.Null, output);

        await Browse(address);
        var result = await login;

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Login: the Spotify login for ana was not granted (access_denied); run ./build.sh --target=Login --user=ana again", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf("credentials/tokens/ana.json")));
    }

    [Fact]
    public async Task No_answer_within_the_wait_is_a_timeout_error()
    {
        var endpoints = SpotifyEndpoints.Resolve(workspace.PathOf, name => workspace.Variables.GetValueOrDefault(name));
        using var http = new ResilientHttp(new(), _ => { });
        var options = new LoginOptions { User = "ana", Output = TextWriter.Null, OpenBrowser = false, Wait = TimeSpan.FromMilliseconds(300) };

        var error = await Assert.ThrowsAsync<SpotifyLoginException>(() =>
            SpotifyLogin.Run(endpoints, new TokenStore(workspace.PathOf), new AccountsClient(http, endpoints), options));

        Assert.Equal("no answer from the browser within 0.3 s; nothing was saved; run ./build.sh --target=Login --user=ana again", error.Message);
    }

    [Theory]
    [InlineData("http://localhost:8888/callback", "uses 'localhost', which Spotify refuses: use the loopback literal, http://127.0.0.1:8888/callback")]
    [InlineData("http://192.0.2.7:8888/callback", "must be HTTPS, or http on 127.0.0.1 or [::1]")]
    [InlineData("ftp://127.0.0.1/x", "is not an http(s) address")]
    public void A_redirect_uri_Spotify_would_refuse_is_an_error_before_anything_starts(string uri, string reason)
    {
        workspace.Variables["SPOTIFY_REDIRECT_URI"] = uri;

        var result = workspace.Run("--target=Login", "--user=ana", "--no-browser");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"redirect URI '{uri}' {reason}", result.Err, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData(new[] { "--target=Login" }, "Login needs --user=NAME")]
    [InlineData(new[] { "--target=Login", "--user=../etc" }, "--user ../etc: a person's name must be letters")]
    [InlineData(new[] { "--target=Fetch", "--user=ana" }, "--user is not an option of Fetch; Fetch takes --force")]
    public void Bad_Login_arguments_are_usage_errors(string[] args, string message)
    {
        var result = workspace.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
    }

    /// <summary>Login running in the background, and the authorization address it printed.</summary>
    private (Task<CliResult> Login, string Address) StartLogin(string user, TextReader input, LineWriter output)
    {
        var login = Task.Run(() => workspace.RunWith(input, output, "--target=Login", $"--user={user}", "--no-browser"));
        return (login, output.WaitFor(l => l.StartsWith(fake.AccountsUrl, StringComparison.Ordinal)));
    }

    /// <summary>A browser that follows the consent page's redirect, to the loopback listener.</summary>
    private static async Task<string> Browse(string address)
    {
        using var browser = new HttpClient();
        return await browser.GetStringAsync(new Uri(address));
    }

    /// <summary>What a browser is sent to after the consent page, without following it.</summary>
    private static async Task<string> Redirected(string address)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(new Uri(address));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
