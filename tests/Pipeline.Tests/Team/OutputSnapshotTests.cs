using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report;
using Snapshooter.Xunit;

namespace Pipeline.Tests.Team;

/// <summary>
/// The outputs of the fixed scenario, as snapshots: any drift fails with a diff. Kept whole, except the code
/// versions in pipeline.lock, which change with every edit of a stage's code by design (the outs' hashes catch
/// any change that edit makes to what the stages write).
/// </summary>
public sealed partial class OutputSnapshotTests(TeamScenario scenario) : IClassFixture<TeamScenario>
{
    [Fact]
    public void Metrics_json() => Snapshot.Match(scenario.Workspace.Read("reports/metrics.json"));

    [Fact]
    public void Report_md() => Snapshot.Match(scenario.Workspace.Read("reports/report.md"));

    [Fact]
    public void Pipeline_lock_params_and_hashes() =>
        Snapshot.Match(CodeLine().Replace(scenario.Workspace.Read("pipeline.lock"), "    code: (the stage's code version)"));

    [Fact]
    public void The_data_behind_each_figure()
    {
        var root = scenario.Workspace.Root;
        var data = ReportData.Load(new ReportInputs(Path.Combine(root, "reports/metrics.json"), Path.Combine(root, "reports/predictions.csv"),
            Path.Combine(root, "data/embedding"), Path.Combine(root, "reports/embedding.json"), Path.Combine(root, "models/model"),
            Path.Combine(root, "data/raw/tracks.parquet"), Path.Combine(root, "data/raw/fetch-summary.json")), new PipelineParams());
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "reports/metrics.json")));
        var (fpr, tpr) = RocCurve.For(data.TestPredictions.Select(p => p.TrueUser == data.Classes[1]).ToList(), data.TestPredictions.Select(p => p.Probabilities[1]).ToList());

        Snapshot.Match(new
        {
            Roc = fpr.Zip(tpr, (x, y) => new[] { x, y }),
            Confusion = metrics.RootElement.GetProperty("confusion_matrix").GetRawText(),
            Importance = metrics.RootElement.GetProperty("feature_importance").GetRawText(),
            Training = data.History,
            Embedding = data.Embedding.Select(e => new { e.User, e.PredictedUser, e.Split, e.X, e.Y }),
        });
    }

    [GeneratedRegex("^    code: [0-9a-f]+$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();
}
