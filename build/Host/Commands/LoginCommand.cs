using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Commands;

/// <summary>./build.sh --target=Login --user=NAME [--no-browser]: a Spotify login (PKCE) saved in credentials/tokens/NAME.json.</summary>
internal static class LoginCommand
{
    /// <summary>What Login takes: the person, and whether to open a browser.</summary>
    public static IReadOnlyList<TargetOption> Options { get; } =
    [
        TargetOption.Text("user", "NAME", "The person to log in, as named in fetch.users in params.yaml"),
        TargetOption.Flag("no-browser", "Do not open a browser: print the address, and take the redirected address pasted on standard input"),
    ];

    public static int Run(CommandRequest request)
    {
        if (request.Options.Text("user") is not { } user)
        {
            throw new PipelineException("Login needs --user=NAME: the person's name, as in fetch.users in params.yaml", ExitCodes.BadUsage);
        }
        if (!UserNames.IsValid(user))
        {
            throw new PipelineException($"--user {user}: {UserNames.Rule}", ExitCodes.BadUsage);
        }
        string Resolve(string relative) => Path.Combine(request.Workspace, relative);
        var endpoints = SpotifyEndpoints.Resolve(Resolve, request.Environment.Variable);
        using var http = new ResilientHttp(new SpotifyParams(), request.Errors.WriteLine);
        try
        {
            SpotifyLogin.Run(endpoints, new TokenStore(Resolve), new AccountsClient(http, endpoints), new LoginOptions
            {
                User = user,
                Output = request.Output,
                OpenBrowser = !request.Options.Flag("no-browser"),
                AcceptPaste = request.Options.Flag("no-browser"),
                Input = request.Environment.In,
            }).GetAwaiter().GetResult();
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is SpotifyLoginException or SpotifyApiException)
        {
            throw new PipelineException($"Login: {e.Message}", ExitCodes.Failed, e);
        }
    }
}
