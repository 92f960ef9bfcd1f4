using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// credentials/tokens/NAME.json: written to a temp file created with mode 0600, then renamed over the old one,
/// so a token file is never readable by others, not even for a moment, and never half-written.
/// </summary>
public sealed class TokenStore(Func<string, string> resolve)
{
    public const string Folder = "credentials/tokens";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string RelativePath(string user) => $"{Folder}/{user}.json";

    public bool Exists(string user) => File.Exists(resolve(RelativePath(user)));

    public SpotifyToken Load(string user)
    {
        var path = resolve(RelativePath(user));
        if (!File.Exists(path))
        {
            throw SpotifyErrors.NotLoggedIn(user, RelativePath(user));
        }
        try
        {
            var token = JsonSerializer.Deserialize<SpotifyToken>(File.ReadAllText(path), Json);
            return token is { AccessToken.Length: > 0, RefreshToken.Length: > 0 } ? token : throw new JsonException("empty token");
        }
        catch (JsonException)
        {
            // The parser's message could quote the file's text, which is a secret: name the file only.
            throw SpotifyErrors.BadTokenFile(user, RelativePath(user));
        }
    }

    public void Save(string user, SpotifyToken token)
    {
        var path = resolve(RelativePath(user));
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, token, Json);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows())
        {
            // FileMode.Create keeps the mode of a temp file left by an earlier kill: set it again.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
    }
}
