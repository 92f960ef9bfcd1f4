using System.Text.RegularExpressions;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Commands;

/// <summary>The runner carries out the plan it made: for each edit, the stages --dryrun says it would touch are the stages the run touches.</summary>
public sealed partial class PlanAgreementTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 60));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void For_a_set_of_edits_the_dry_runs_stage_list_equals_the_runs()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var edits = new (string What, Action Edit, string[] Args)[]
        {
            ("a train param", () => { }, ["--set", "train.mlp.learning_rate=0.01"]),
            ("the param reverted (restores)", () => { }, []),
            ("a features param", () => { }, ["--set", "features.test_size=0.3"]),
            ("an output deleted", () => File.Delete(workspace.PathOf("reports/metrics.json")), []),
            ("an output edited", () => File.AppendAllText(workspace.PathOf("reports/report.md"), "\nedited\n"), []),
            ("forced", () => { }, ["--target=Train", "--force"]),
            ("nothing", () => { }, []),
            ("one stage alone", () => { }, ["--target=Evaluate", "--exclusive", "--set", "seed=7"]),
        };

        foreach (var (what, edit, args) in edits)
        {
            edit();
            var dry = workspace.Run([.. args, "--dryrun"]);
            var run = workspace.Run(args);

            Assert.True(run.ExitCode == 0, $"{what}: {run}");
            var planned = PlanLine().Matches(dry.Out).Where(m => m.Groups[2].Value != "skip").Select(m => m.Groups[1].Value).ToList();
            var touched = run.Outcomes.Where(o => o.Value != "Skipped").Select(o => o.Key.ToLowerInvariant()).ToList();
            Assert.True(planned.SequenceEqual(touched), $"{what}: the dry run planned [{string.Join(", ", planned)}], the run touched [{string.Join(", ", touched)}]\n{dry.Out}\n{run}");
        }
    }

    [Fact]
    public void A_stage_planned_to_restore_is_restored_and_one_planned_to_skip_is_not_decided_again()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        Assert.Equal(0, workspace.Run("--set", "train.mlp.learning_rate=0.01").ExitCode);

        var dry = workspace.Run("--dryrun");
        var run = workspace.Run();

        Assert.Contains("train: would restore from the run-cache (params changed: train.mlp.learning_rate 0.01 -> 0.05)", dry.Out, StringComparison.Ordinal);
        Assert.Contains("fetch: would skip (up to date)", dry.Out, StringComparison.Ordinal);
        Assert.Equal("Restored", run.Outcome("Train"));
        Assert.Equal("Skipped", run.Outcome("Fetch"));
    }

    [GeneratedRegex(@"(?m)^(\w+): would (skip|restore|run)")]
    private static partial Regex PlanLine();
}
