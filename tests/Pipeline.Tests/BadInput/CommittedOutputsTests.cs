using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>What the README says is committed is what git tracks, and what it says is not is ignored and untracked.</summary>
public sealed class CommittedOutputsTests
{
    [SkippableFact]
    public void The_readme_and_git_agree_on_which_outputs_are_committed()
    {
        Skip.IfNot(Directory.Exists(Path.Combine(Repository.Root, ".git")), "not a git checkout");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        const string committed = "`pipeline.lock`, `reports/metrics.json`, `reports/report.md`, `reports/embedding.json`, `reports/figures/` and\n`reports/predictions.csv` are committed;";
        Assert.Contains(committed, readme, StringComparison.Ordinal);
        Assert.Contains("`reports/report.html`\n(2.5 MB, plotly.js inlined) are not", readme, StringComparison.Ordinal);

        foreach (var path in new[] { "pipeline.lock", "reports/metrics.json", "reports/report.md", "reports/embedding.json", "reports/figures/roc.png", "reports/predictions.csv" })
        {
            Assert.True(Git("ls-files", "--error-unmatch", path) == 0, $"{path} should be tracked");
        }
        foreach (var path in new[] { "reports/report.html", "data/raw/tracks.parquet", "models/model/model.json", ".pipeline/hashes.tsv" })
        {
            Assert.True(Git("ls-files", "--error-unmatch", path) != 0, $"{path} should not be tracked");
            Assert.True(Git("check-ignore", "-q", "--no-index", path) == 0, $"{path} should be ignored");
        }
    }

    private static int Git(params string[] args) => Tool.Run("git", args, Repository.Root).Code;
}
