using System.Text.Json;
using System.Text.RegularExpressions;
using Snapshooter;
using Snapshooter.Xunit;

namespace Pipeline.Tests.Team;

/// <summary>Diffs that are right, the experiments table, Apply and Gc, on a real git history (see <see cref="TeamScenario"/>).</summary>
public sealed partial class TeamLoopTests(TeamScenario scenario) : IClassFixture<TeamScenario>
{
    [Fact]
    public void The_scenario_ran_every_stage_each_time()
    {
        Assert.All(new[] { scenario.Baseline, scenario.Edited, scenario.WithSet }, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal("Ran", scenario.Edited.Outcome("Train"));
        Assert.Equal(("Skipped", "Ran"), (scenario.WithSet.Outcome("Features"), scenario.WithSet.Outcome("Train")));
    }

    [Fact]
    public void MetricsDiff_keys_lists_by_name_puts_the_headline_first_and_shows_only_changes()
    {
        var diff = scenario.MetricsDiff;

        Assert.Equal(0, diff.ExitCode);
        var rows = Rows(diff.Out);
        Assert.Equal(["accuracy", "accuracy_ci.low", "accuracy_ci.high", "f1_macro"], rows.Skip(1).Take(4).Select(r => r[1]));
        Assert.DoesNotContain(rows, r => IndexKey().IsMatch(r[1]));
        Assert.Matches(@"^[+-][0-9.]+ \((within|beyond) noise\)$", rows.Single(r => r[1] == "auc")[4]);
        Assert.DoesNotContain("noise", rows.Single(r => r[1] == "auc_ci.low")[4], StringComparison.Ordinal);
        Assert.Contains(rows, r => r[1] == "confusion_matrix[true amelia, predicted paulo]");
        Assert.Contains(rows, r => r[1] == "feature_importance[tempo].auc_drop");
        Assert.Contains(rows, r => r[1] == "model" && r[2] == "mlp" && r[3] == "logistic" && r[4] == "changed");
        Assert.DoesNotContain(rows, r => r[1] == "baseline_accuracy"); // the same on both sides
        Assert.Contains(Rows(scenario.MetricsDiffAll.Out), r => r[1] == "baseline_accuracy" && r[4] == "0");
        Snapshot.Match(diff.Out, SnapshotNameExtension.Create("md"));
    }

    [Fact]
    public void MetricsDiff_json_gives_old_new_and_diff_per_metric()
    {
        using var json = JsonDocument.Parse(scenario.MetricsDiffJson.Out);

        var auc = json.RootElement.GetProperty("reports/metrics.json").GetProperty("auc");
        Assert.Equal(Math.Round(auc.GetProperty("new").GetDouble() - auc.GetProperty("old").GetDouble(), 4), auc.GetProperty("diff").GetDouble(), 9);
        Snapshot.Match(scenario.MetricsDiffJson.Out, SnapshotNameExtension.Create("json"));
    }

    [Fact]
    public void Metrics_shows_the_workspace_metrics_as_a_table()
    {
        var rows = Rows(scenario.Metrics.Out);

        Assert.Equal(["Path", "Metric", "Value"], rows[0]);
        Assert.Equal("accuracy", rows[1][1]);
        Snapshot.Match(scenario.Metrics.Out);
    }

    [Fact]
    public void ParamsDiff_reads_the_locks_so_a_set_run_counts_and_says_which_stages_each_change_touches()
    {
        var rows = Rows(scenario.ParamsDiff.Out);

        Assert.Contains(rows, r => r is ["train.model", "mlp", "logistic", "train, report"]);
        Assert.Contains(rows, r => r is ["train.mlp.layers[0].units", "5", "8", "train, report"]);
        Assert.Contains(rows, r => r is ["train.mlp.layers[0].activation", "relu", "tanh", "train, report"]);
        Assert.Contains("params.yaml and pipeline.lock differ in train.model: the last run used --set", scenario.ParamsDiff.Out, StringComparison.Ordinal);
        Snapshot.Match(scenario.ParamsDiff.Out);
    }

    [Fact]
    public void Experiments_has_a_row_per_run_with_the_params_that_differ_and_the_headline_metrics()
    {
        var rows = Rows(scenario.Experiments.Out);

        Assert.Equal(["Experiment", "Commit", "train.mlp.layers[0].activation", "train.mlp.layers[0].units", "train.model",
            "accuracy", "f1_macro", "auc", "log_loss", "baseline_accuracy"], rows[0]);
        Assert.Equal(4, rows.Count); // header and three runs
        Assert.EndsWith("(workspace)", rows[1][0], StringComparison.Ordinal);
        Assert.Equal("logistic", rows[1][4]);
        Assert.Matches(@"^[0-9a-f]{7} baseline: one hidden layer of 5$", rows[3][1]);
        var byAuc = Rows(scenario.ExperimentsByAuc.Out).Skip(1).Select(r => double.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(byAuc.OrderDescending(), byAuc);
        // Ids and commit hashes come from code versions, which change with every edit of a stage's code: the snapshot holds the rest.
        Snapshot.Match(string.Join("\n", rows.Select(r => string.Join(" | ", r.Skip(2).Prepend(r[1].Length > 8 ? r[1][8..] : r[1])))));
    }

    [Fact]
    public void Status_and_Dag_for_the_scenario()
    {
        Assert.Equal(1, scenario.Status.ExitCode); // params.yaml says mlp; the last run (--set) trained logistic
        Assert.Contains("train: params changed: train.model logistic -> mlp", scenario.Status.Out, StringComparison.Ordinal);
        Snapshot.Match(scenario.Status.Out, SnapshotNameExtension.Create("status"));
        Snapshot.Match(scenario.Dag.Out, SnapshotNameExtension.Create("dag"));
    }

    [Fact]
    public void Apply_restores_an_earlier_run_byte_for_byte_without_running_a_stage()
    {
        using var workspace = scenario.Copy();
        var id = Rows(scenario.Experiments.Out)[2][0];

        var apply = workspace.Run("--target=Apply", $"--exp={id[..6]}");

        Assert.Equal(0, apply.ExitCode);
        Assert.All(apply.Outcomes.Values, outcome => Assert.Equal("Restored", outcome));
        Assert.Equal(scenario.EditedMetrics, workspace.Bytes("reports/metrics.json"));
        Assert.Equal(scenario.EditedPredictions, workspace.Bytes("reports/predictions.csv"));
        Assert.Equal(scenario.EditedModel, workspace.Bytes("models/model/model.json"));
        Assert.Contains("units: 8, activation: tanh", workspace.Read("params.yaml"), StringComparison.Ordinal);
        Assert.Equal("Everything is up to date.\n", workspace.Run("--target=Status").Out);
    }

    [Fact]
    public void Gc_keeps_what_the_lock_and_the_commits_need_and_says_what_it_freed()
    {
        using var workspace = scenario.Copy();
        var entries = Directory.GetFiles(workspace.PathOf(".pipeline/cache/runs")).Length;

        var gc = workspace.Run("--target=Gc", "--keep=0");

        Assert.Equal(0, gc.ExitCode);
        Assert.Matches(@"^Removed \d+ run-cache entries and \d+ objects \(\d+\.\d MB freed\); kept \d+ entries; forgot 1 older experiments \(--keep=0\)\.\n$", gc.Out);
        Assert.True(Directory.GetFiles(workspace.PathOf(".pipeline/cache/runs")).Length < entries);
        Assert.Equal(scenario.Status.Out, workspace.Run("--target=Status").Out);
        var baseline = Rows(workspace.Run("--target=Experiments").Out).Last()[0];
        Assert.Equal(0, workspace.Run("--target=Apply", $"--exp={baseline}").ExitCode); // the commit's entries stayed
        var edited = workspace.Run("--target=Apply", $"--exp={Rows(scenario.Experiments.Out)[2][0]}");
        Assert.Equal(2, edited.ExitCode);
        Assert.Contains("no such experiment", edited.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_with_rev_adds_the_changes_against_it_to_report_md_and_a_plain_run_restores_the_report_without_them()
    {
        using var workspace = scenario.Copy();

        var withRev = workspace.Run("--target=Report", "--rev=HEAD", "--set", "train.model=logistic");
        var markdown = workspace.Read("reports/report.md");
        var plain = workspace.Run("--target=Report", "--set", "train.model=logistic");

        Assert.Equal(0, withRev.ExitCode);
        Assert.Equal(("Skipped", "Ran"), (withRev.Outcome("Evaluate"), withRev.Outcome("Report")));
        Assert.Contains("report: running (dep added: (changes against HEAD))", withRev.Out, StringComparison.Ordinal);
        Assert.Contains("## Changes against HEAD\n\n### Metrics\n\n| Path | Metric | HEAD | workspace | Change |\n", markdown, StringComparison.Ordinal);
        Assert.Contains(scenario.MetricsDiff.Out, markdown, StringComparison.Ordinal);
        Assert.Contains("### Params\n\n| Param | HEAD | workspace | Stages |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| train.model | mlp | logistic | train, report |", markdown, StringComparison.Ordinal);
        Assert.Equal("Restored", plain.Outcome("Report")); // the report without the section ran before: from the run-cache
        Assert.DoesNotContain("Changes against", workspace.Read("reports/report.md"), StringComparison.Ordinal);
        Assert.Equal(scenario.Workspace.Bytes("reports/report.md"), workspace.Bytes("reports/report.md"));
    }

    [Fact]
    public void Apply_refuses_an_experiment_the_run_cache_no_longer_holds_and_changes_nothing()
    {
        using var workspace = scenario.Copy();
        Directory.Delete(workspace.PathOf(".pipeline/cache/runs"), recursive: true);
        var before = workspace.Bytes("params.yaml");

        var apply = workspace.Run("--target=Apply", $"--exp={Rows(scenario.Experiments.Out)[2][0]}");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("cannot be applied without running: the run-cache has no entry for embed, evaluate, features, fetch, report, train", apply.Err, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Bytes("params.yaml"));
    }

    [Theory]
    [InlineData("--target=MetricsDiff --rev=no-such-branch", "git does not know the revision 'no-such-branch'")]
    [InlineData("--target=ParamsDiff --rev=no-such-branch", "git does not know the revision 'no-such-branch'")]
    [InlineData("--target=MetricsDiff --json --md", "--json and --md: choose one")]
    [InlineData("--target=Experiments --sort=speed", "--sort speed: not a metric of these experiments (known: accuracy, f1_macro, auc, log_loss, baseline_accuracy)")]
    [InlineData("--target=Apply", "Apply needs --exp=ID")]
    [InlineData("--target=Apply --exp=abc --jobs=2", "--jobs is not an option of Apply; Apply takes --exp, --dryrun, --no-wait and --verbosity")]
    [InlineData("--target=Gc --keep=-1", "--keep -1: out of range; give 0 or more")]
    [InlineData("--target=Apply --exp=ffffffffffff", "--exp ffffffffffff: no such experiment")]
    public void Every_refusal_is_a_clear_exit_2(string args, string message)
    {
        var run = scenario.Workspace.Run(args.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(string markdown) =>
        [.. markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Trim('|', ' ').Split(" | ").Select(c => c.Trim()).ToArray())];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex IndexKey();
}
