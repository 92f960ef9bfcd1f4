using System.Diagnostics;
using System.Reflection;
using Pipeline.Engine.Cli;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// How to start the pipeline host for a point: this process's own program (the apphost build.sh made, or
/// <c>dotnet pipeline.dll</c>), or PIPELINE_HOST (an executable, or a .dll run with dotnet). The point's environment is
/// this one's, with the run-cache set to the sweep's (PIPELINE_CACHE_DIR) and the variables the stages read passed on.
/// </summary>
internal sealed record HostCommand(string FileName, IReadOnlyList<string> Prefix, IReadOnlyDictionary<string, string> Environment)
{
    public const string Variable = "PIPELINE_HOST";

    private static readonly string[] PassedOn =
    [
        "SPOTIFY_API_URL", "SPOTIFY_ACCOUNTS_URL", "SPOTIFY_CLIENT_ID", "SPOTIFY_REDIRECT_URI", "RECCOBEATS_API_URL",
        "PIPELINE_REMOTE_URL", "PIPELINE_REMOTE_ENDPOINT", "PIPELINE_REMOTE_REGION", "PIPELINE_REMOTE_TIMEOUT",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
    ];

    public static HostCommand For(HostEnvironment environment, string cacheDir)
    {
        var variables = PassedOn.Where(n => environment.Variable(n) is { Length: > 0 })
            .ToDictionary(n => n, n => environment.Variable(n)!, StringComparer.Ordinal);
        variables[Files.Workspace.SharedCacheVariable] = cacheDir;
        var program = environment.Variable(Variable) is { Length: > 0 } given ? Path.GetFullPath(given) : OwnProgram();
        return program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new HostCommand(DotnetPath(), [program], variables)
            : new HostCommand(program, [], variables);
    }

    /// <summary>The command as one shell line (for a batch script), each word quoted.</summary>
    public string ShellWords => string.Join(' ', Prefix.Prepend(FileName).Select(Quote));

    /// <summary>The host started in <paramref name="folder"/> with its environment, its standard output and error read by the caller.</summary>
    public ProcessStartInfo Start(string folder)
    {
        var start = new ProcessStartInfo(FileName) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in Prefix)
        {
            start.ArgumentList.Add(word);
        }
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string OwnProgram()
    {
        var process = System.Environment.ProcessPath ?? "";
        var isDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnet ? Assembly.GetEntryAssembly()?.Location ?? process : process;
    }

    private static string DotnetPath()
    {
        var process = System.Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
    }
}
