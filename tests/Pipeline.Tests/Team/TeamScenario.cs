using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Team;

/// <summary>
/// The team loop on the real pipeline, in a real git repository: a committed baseline; then params.yaml edited
/// and run; then a run with --set. What the diff targets print is captured here, before any test changes anything.
/// </summary>
public sealed class TeamScenario : IDisposable
{
    public const string Params = """
        seed: 12345
        fetch:
          source: demo
          users:
            paulo: {}
            amelia: {}
          demo:
            tracks_per_user: 150
        embed:
          method: pca
        """;

    public TeamScenario()
    {
        Workspace = new SongWorkspace(Params + "\n");
        File.Copy(Path.Combine(Repository.Root, ".gitignore"), Workspace.PathOf(".gitignore"));
        Git.Run(Workspace.Root, "init", "-q");
        Baseline = Workspace.Run();
        Git.Run(Workspace.Root, "add", "-A");
        Git.Run(Workspace.Root, "commit", "-q", "-m", "baseline: one hidden layer of 5");
        Workspace.Write("params.yaml", Params + "\ntrain:\n  mlp:\n    layers: [{ units: 8, activation: tanh }]\n");
        Edited = Workspace.Run();
        EditedMetrics = Workspace.Bytes("reports/metrics.json");
        EditedPredictions = Workspace.Bytes("reports/predictions.csv");
        EditedModel = Workspace.Bytes("models/model/model.json");
        WithSet = Workspace.Run("--set", "train.model=logistic");
        MetricsDiff = Workspace.Run("--target=MetricsDiff");
        MetricsDiffAll = Workspace.Run("--target=MetricsDiff", "--all");
        MetricsDiffJson = Workspace.Run("--target=MetricsDiff", "--json");
        Metrics = Workspace.Run("--target=Metrics");
        ParamsDiff = Workspace.Run("--target=ParamsDiff");
        Experiments = Workspace.Run("--target=Experiments");
        ExperimentsByAuc = Workspace.Run("--target=Experiments", "--sort=auc");
        Status = Workspace.Run("--target=Status");
        Dag = Workspace.Run("--target=Dag");
    }

    public SongWorkspace Workspace { get; }
    public CliResult Baseline { get; }
    public CliResult Edited { get; }
    public byte[] EditedMetrics { get; }
    public byte[] EditedPredictions { get; }
    public byte[] EditedModel { get; }
    public CliResult WithSet { get; }
    public CliResult MetricsDiff { get; }
    public CliResult MetricsDiffAll { get; }
    public CliResult MetricsDiffJson { get; }
    public CliResult Metrics { get; }
    public CliResult ParamsDiff { get; }
    public CliResult Experiments { get; }
    public CliResult ExperimentsByAuc { get; }
    public CliResult Status { get; }
    public CliResult Dag { get; }

    /// <summary>A copy of the whole workspace (git repository, cache and experiments included) for a test that changes it.</summary>
    public SongWorkspace Copy()
    {
        var copy = new SongWorkspace(Params);
        foreach (var file in Directory.EnumerateFiles(Workspace.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Root, Path.GetRelativePath(Workspace.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return copy;
    }

    public void Dispose() => Workspace.Dispose();
}
