using Pipeline.Engine.Caching;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Compare;

/// <summary>--target=Compare on the real pipeline: against a tag after a --set run, over a sweep, with experiments; missing and tampered sides; bad usage.</summary>
[Collection(CompareGroup.Name)]
public sealed class CompareTests(CompareScenario scenario)
{
    private static readonly string[] EverySide = ["metrics.png", "roc.png", "training.png", "per-person-precision.png", "per-person-recall.png", "per-person-f1.png",
        "confusion-1.png", "confusion-2.png", "map-1.png", "map-2.png"];

    [Fact]
    public void Against_a_tag_after_a_set_run_it_draws_both_sides_with_the_param_that_changed()
    {
        Assert.Contains("Compared 2 sides (1: v1 (", scenario.AgainstTag.Out, StringComparison.Ordinal);
        Assert.Contains("2: workspace): 10 figures, reports/compare.md and reports/compare.html", scenario.AgainstTag.Out, StringComparison.Ordinal);
        Assert.Contains("| train.mlp.learning\\_rate | 0.05 | 0.2 |", scenario.TagMarkdown, StringComparison.Ordinal);
        Assert.Equal(EverySide.Order(StringComparer.Ordinal), scenario.TagFiles.Keys);
        foreach (var figure in EverySide)
        {
            Assert.Contains($"](compare/{figure})", scenario.TagMarkdown, StringComparison.Ordinal);
        }
        Assert.Matches(@"\| auc \| 0\.\d{3} \(0\.\d{3}–0\.\d{3}\) \| 0\.\d{3} \(0\.\d{3}–0\.\d{3}\); [+−]0\.\d{3}, (within|beyond) noise \|", scenario.TagMarkdown);
        Assert.Matches(@"\d+ of the \d+ test songs both sides tested changed their predicted person", scenario.TagMarkdown);
    }

    [Fact]
    public void The_same_sides_give_the_same_bytes_and_no_side_is_left_behind()
    {
        var again = scenario.Workspace.Run("--target=Compare", "--rev=" + CompareScenario.Tag);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(scenario.TagMarkdown, scenario.Workspace.Read("reports/compare.md"));
        Assert.Equal(File.ReadAllBytes(scenario.TagHtml), scenario.Workspace.Bytes("reports/compare.html"));
        Assert.Equal(scenario.TagFiles, TreeSnapshot.Of(scenario.Workspace.PathOf("reports/compare")));
        Assert.Empty(Directory.GetDirectories(scenario.Workspace.PathOf(".pipeline/compare")));
    }

    [Fact]
    public void Without_sides_it_compares_HEAD_with_the_workspace()
    {
        var run = scenario.Workspace.Run("--target=Compare");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Compared 2 sides \(1: HEAD \([0-9a-f]{7}\), 2: workspace\)", run.Out);
    }

    [Fact]
    public void Over_a_sweep_every_point_is_ranked_charted_and_the_best_marked()
    {
        Assert.Contains("Compared 4 sides (1: learning_rate=", scenario.OverSweep.Out, StringComparison.Ordinal);
        Assert.Contains($"## Sweep {scenario.SweepId}", scenario.SweepMarkdown, StringComparison.Ordinal);
        var rows = scenario.SweepMarkdown.Split('\n').SkipWhile(l => !l.StartsWith("## Sweep", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Single(rows, r => r.Contains("| best |", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Matches(@"\| (best|within noise|worse) \|", r));
        Assert.Contains("sweep-param-1.png", scenario.SweepFiles.Keys);
        Assert.Contains("sweep-parallel.png", scenario.SweepFiles.Keys);
        Assert.Contains("confusion-4.png", scenario.SweepFiles.Keys);
    }

    [Fact]
    public void An_experiment_is_a_side_next_to_a_revision()
    {
        var experiment = scenario.Workspace.Run("--target=Experiments", "--sweep=" + scenario.SweepId).Out.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\b([0-9a-f]{12})\b")).First(m => m.Success).Groups[1].Value;

        var run = scenario.Workspace.Run("--target=Compare", "--rev=" + CompareScenario.Tag, "--exp=" + experiment[..8]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"2: exp {experiment}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_whose_data_is_missing_is_named_with_what_to_run_and_the_last_comparison_stays()
    {
        using var copy = scenario.Copy();
        var before = TreeSnapshot.Of(copy.PathOf("reports"));
        Directory.Delete(copy.PathOf(".pipeline/cache/runs"), recursive: true);

        var run = copy.Run("--target=Compare", "--rev=" + CompareScenario.Tag);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: Compare: side v1 (", run.Err, StringComparison.Ordinal);
        Assert.Contains("embed's data/embedding is not in the run-cache", run.Err, StringComparison.Ordinal);
        Assert.Contains("run Compare with --pull if the team's remote has it, or rebuild it (git checkout v1, ./build.sh, and back)", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("evaluate's", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(copy.PathOf("reports")));
    }

    [Fact]
    public void A_tampered_object_in_the_run_cache_is_refused_not_drawn()
    {
        using var copy = scenario.Copy();
        var cache = new RunCache(copy.PathOf(".pipeline/cache"), _ => { });
        var tag = Pipeline.Engine.Locking.LockFile.Parse(Git.Run(copy.Root, "show", $"{CompareScenario.Tag}:pipeline.lock"), "v1 lock");
        var embed = tag.Stages["embed"];
        var parquet = cache.ObjectFile(cache.ObjectsOf(embed.Fingerprint("embed")).First());
        File.WriteAllBytes(parquet, [.. File.ReadAllBytes(parquet).Reverse()]);

        var run = copy.Run("--target=Compare", "--rev=" + CompareScenario.Tag);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("embed: run-cache entry", run.Err, StringComparison.Ordinal);
        Assert.Contains("embed's data/embedding is not in the run-cache", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void With_pull_a_side_comes_from_the_teams_remote()
    {
        using var copy = scenario.Copy();
        var remote = Directory.CreateTempSubdirectory("compare-remote-").FullName;
        copy.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });
        Assert.Equal(0, copy.Run("--target=Push", "--all").ExitCode);
        Directory.Delete(copy.PathOf(".pipeline/cache"), recursive: true);

        var without = copy.Run("--target=Compare", "--rev=" + CompareScenario.Tag);
        var with = copy.Run("--target=Compare", "--rev=" + CompareScenario.Tag, "--pull");

        Assert.Equal(1, without.ExitCode);
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Contains("Pulled from ", with.Out, StringComparison.Ordinal);
        Assert.Equal(scenario.TagMarkdown, copy.Read("reports/compare.md"));
        Directory.Delete(remote, recursive: true);
    }

    [Theory]
    [InlineData("Compare takes --sweep=ID alone", "--sweep=abc", "--rev=v1")]
    [InlineData("Compare takes at most 8 sides; 9 were given", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=v1", "--rev=workspace")]
    [InlineData("git does not know the revision 'no-such-tag'", "--rev=no-such-tag")]
    [InlineData("--rev -x: not a revision", "--rev=-x")]
    [InlineData("--exp zzz: no such experiment", "--exp=zzz")]
    [InlineData("--sweep nope: no experiment of such a sweep", "--sweep=nope")]
    public void Sides_that_cannot_be_are_refused_with_exit_2(string message, params string[] args)
    {
        var run = scenario.Workspace.Run(["--target=Compare", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }
}
