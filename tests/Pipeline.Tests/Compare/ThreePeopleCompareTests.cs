using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Compare;

/// <summary>Three people: the overlaid ROC pools every person against the rest, and each person gets a small ROC of their own, one curve per side.</summary>
public sealed class ThreePeopleCompareTests : IDisposable
{
    private readonly SongWorkspace workspace = new(Sweeps.SweepWorkspace.QuickParams.Replace("paulo: {}\n    amelia: {}", "paulo: {}\n    amelia: {}\n    elke: {}", StringComparison.Ordinal));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Each_person_gets_a_small_multiple_of_the_roc_curves()
    {
        Assert.Equal(0, workspace.Run().ExitCode);
        var baseline = System.Text.RegularExpressions.Regex.Match(workspace.Run("--target=Experiments").Out, @"\| ([0-9a-f]{12}) \(workspace\)").Groups[1].Value;
        Assert.Equal(0, workspace.Run("--set", "train.mlp.learning_rate=0.1").ExitCode);

        var run = workspace.Run("--target=Compare", "--exp=" + baseline);

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = workspace.Read("reports/compare.md");
        foreach (var person in new[] { 1, 2, 3 })
        {
            Assert.True(workspace.Exists($"reports/compare/roc-person-{person}.png"), $"roc-person-{person}.png");
            Assert.Contains($"](compare/roc-person-{person}.png)", markdown, StringComparison.Ordinal);
        }
        Assert.False(workspace.Exists("reports/compare/roc-person-4.png"));
        Assert.Contains("| amelia and elke |", markdown, StringComparison.Ordinal);
        Assert.Contains("| amelia and paulo |", markdown, StringComparison.Ordinal);
        Assert.Contains("| elke and paulo |", markdown, StringComparison.Ordinal);
    }
}
