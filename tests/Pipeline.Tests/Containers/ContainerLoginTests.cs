using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pipeline.Tests.Harness;
using SpotifyFake;

namespace Pipeline.Tests.Containers;

/// <summary>
/// compose.yaml's login service, in the built image: Login --no-browser listens on every address in the container
/// (SPOTIFY_LOGIN_LISTEN=0.0.0.0), the test is the person's browser on the host, the Spotify fake on loopback answers,
/// and the tokens land in the mounted credentials/tokens/, 0600 in a 0700 folder, owned by the host user.
/// </summary>
[Collection(ContainerGroup.Name)]
public sealed class ContainerLoginTests(PipelineImage image) : IAsyncLifetime
{
    private FakeSpotify fake = null!;

    public async Task InitializeAsync() => fake = await FakeSpotify.Start();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task Login_without_a_browser_in_the_container_saves_the_tokens_in_the_mounted_folder_for_the_host_user()
    {
        fake.LoginUser = "ana";
        using var workspace = new MountedWorkspace(File.ReadAllText(Path.Combine(image.Clone, "params.yaml")));
        var environment = fake.Environment($"http://127.0.0.1:{FreePort()}/callback");
        environment["SPOTIFY_LOGIN_LISTEN"] = "0.0.0.0";
        using var container = Buildah.From(image.Tag);
        List<string> options = [.. workspace.Options, .. environment.SelectMany(e => new[] { "--env", $"{e.Key}={e.Value}" })];
        using var login = container.Start(options, [.. image.Entrypoint, "--target=Login", "--no-browser", "--user=ana"]);
        var printed = new List<string>();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        login.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (printed)
                {
                    printed.Add(line);
                }
                if (line.StartsWith(fake.AccountsUrl, StringComparison.Ordinal))
                {
                    address.TrySetResult(line);
                }
            }
        };
        login.ErrorDataReceived += (_, e) =>
        {
            lock (printed)
            {
                printed.Add(e.Data ?? "");
            }
        };
        login.BeginOutputReadLine();
        login.BeginErrorReadLine();

        string consent;
        try
        {
            var exited = login.WaitForExitAsync();
            var first = await Task.WhenAny(address.Task, exited).WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(first == address.Task, $"Login ended before it printed the address to open: {Printed(printed)}");
            try
            {
                consent = await Browse(await address.Task);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"{e.Message}; Login printed: {Printed(printed)}", e);
            }
            await exited.WaitAsync(TimeSpan.FromMinutes(5));
        }
        finally
        {
            if (!login.HasExited)
            {
                login.Kill(entireProcessTree: true);
            }
        }

        var output = Printed(printed);
        Assert.True(login.ExitCode == 0, output);
        Assert.Contains("Spotify has answered", consent, StringComparison.Ordinal);
        Assert.Contains("Logged in ana: the login is saved in credentials/tokens/ana.json", output, StringComparison.Ordinal);
        var tokens = workspace.PathOf("credentials/tokens/ana.json");
        Assert.Equal("1000:1000 600", Tool.Check("stat", ["-c", "%u:%g %a", tokens]).Trim());
        Assert.Equal("1000:1000 700", Tool.Check("stat", ["-c", "%u:%g %a", Path.GetDirectoryName(tokens)!]).Trim());
        Assert.Contains(JsonNode.Parse(File.ReadAllText(tokens))!["access_token"]!.GetValue<string>(), fake.Secrets);
        Assert.All(fake.Secrets, s => Assert.DoesNotContain(s, output, StringComparison.Ordinal));
    }

    private static string Printed(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }

    /// <summary>The person's browser on the host: the consent page, then its redirect to the container's listener.</summary>
    private static async Task<string> Browse(string address)
    {
        using var browser = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return await browser.GetStringAsync(new Uri(address));
    }

    /// <summary>
    /// A free port below Linux's ephemeral range (32768 and up), so that no outgoing connection of this busy machine
    /// takes it between this check and the container's listener binding it.
    /// </summary>
    private static int FreePort()
    {
        for (var port = 20_000 + Random.Shared.Next(10_000); ; port = 20_000 + Random.Shared.Next(10_000))
        {
            try
            {
                using var socket = new TcpListener(IPAddress.Any, port);
                socket.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
