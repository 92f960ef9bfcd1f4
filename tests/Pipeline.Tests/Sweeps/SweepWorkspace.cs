using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Sweeps;

/// <summary>A song workspace whose sweeps start the real host (pipeline.dll beside the tests) for each point.</summary>
internal static partial class SweepWorkspace
{
    /// <summary>A demo small and quick enough for many points: 100 songs each, no cross-validation, PCA for the map.</summary>
    public const string QuickParams = """
        seed: 12345
        fetch:
          source: demo
          users:
            paulo: {}
            amelia: {}
          demo:
            tracks_per_user: 100
        train:
          cv_folds: 0
          mlp:
            epochs: 15
        evaluate:
          bootstrap: 200
        embed:
          method: pca

        """;

    public static SongWorkspace Create(string paramsYaml = QuickParams) =>
        new SongWorkspace(paramsYaml).With(new Dictionary<string, string> { ["PIPELINE_HOST"] = Path.Combine(AppContext.BaseDirectory, "pipeline.dll") });

    /// <summary>The quick params on the csv source: paulo's and amelia's fixtures, and bad-rows.csv beside them for a failing point.</summary>
    public static void UseCsvImports(this SongWorkspace workspace)
    {
        var paulo = workspace.Import("exportify-paulo.csv");
        var amelia = workspace.Import("kaggle-amelia.csv");
        workspace.Import("bad-rows.csv");
        workspace.Write("params.yaml", QuickParams
            .Replace("source: demo", "source: csv", StringComparison.Ordinal)
            .Replace("paulo: {}\n    amelia: {}", $"paulo: {{ file: {paulo} }}\n    amelia: {{ file: {amelia} }}", StringComparison.Ordinal));
    }

    public static CliResult Sweep(this SongWorkspace workspace, params string[] args) => workspace.Run(["--target=Sweep", .. args]);

    public static string IdOf(CliResult run) => SweepId().Match(run.Out) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no sweep id in: {run}");

    public static string Folder(this SongWorkspace workspace, string id) => workspace.PathOf($".pipeline/sweeps/{id}");

    public static JsonElement Report(this SongWorkspace workspace, string id) => JsonDocument.Parse(workspace.Read($"reports/sweeps/{id}.json")).RootElement;

    /// <summary>The logs in which a stage's summary row says it ran.</summary>
    public static int LogsWhere(this SongWorkspace workspace, string id, string stage, string outcome) =>
        Directory.GetFiles(Path.Combine(workspace.Folder(id), "logs")).Count(l => Regex.IsMatch(File.ReadAllText(l), $@"│ {stage} +│ {outcome} "));

    /// <summary>The run-cache holds no temporary file, and every entry's objects are there with the bytes their names say.</summary>
    public static void AssertCacheConsistent(this SongWorkspace workspace)
    {
        var root = workspace.PathOf(".pipeline/cache");
        Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
        var cache = new RunCache(root, _ => { });
        Assert.NotEmpty(cache.Fingerprints());
        foreach (var fingerprint in cache.Fingerprints())
        {
            foreach (var hash in cache.ObjectsOf(fingerprint))
            {
                using var file = File.OpenRead(cache.ObjectFile(hash));
                Assert.Equal(hash, ContentHasher.HashStream(file));
            }
        }
    }

    /// <summary>Every file of the user's workspace but the engine's state and the sweep reports, with its hash.</summary>
    public static SortedDictionary<string, string> UserFiles(this SongWorkspace workspace) =>
        new(TreeSnapshot.Of(workspace.Root).Where(f => !f.Key.StartsWith(".pipeline/", StringComparison.Ordinal) && !f.Key.StartsWith("reports/sweeps/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"^Sweep ([0-9a-f]{8}):", RegexOptions.Multiline)]
    private static partial Regex SweepId();
}
