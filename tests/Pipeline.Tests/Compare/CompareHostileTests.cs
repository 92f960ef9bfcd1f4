using Pipeline.Stages.Compare;
using Pipeline.Stages.Evaluate;
using Pipeline.Tests.Stages;

namespace Pipeline.Tests.Compare;

/// <summary>Outside text in a comparison (song titles, artists, people, side labels, param values) is data: escaped in compare.html and compare.md.</summary>
public sealed class CompareHostileTests : IDisposable
{
    internal const string HostileLabel = "<img src=x onerror=alert(2)>";
    internal const string HostileParam = "</script><script>alert(3)</script>";

    private readonly string folder = Directory.CreateTempSubdirectory("compare-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Two hand-made runs: the hostile song (a script title) changes its predicted person between them; a side and a param are hostile too.</summary>
    internal static CompareData Data(int people = 2)
    {
        var report = ReportTests.Data(songs: 8);
        var before = Run(report, HostileLabel, report.TestPredictions);
        var after = Run(report, "main|*bold*", [.. report.TestPredictions.Select(p => p.TrackId == "t1" ? p with { PredictedUser = "paulo", Probabilities = [0.2, 0.8] } : p)]);
        return new CompareData([before, after with { Params = new Dictionary<string, string> { ["train.model"] = HostileParam } }], ["train.model"]);
    }

    private static ComparedRun Run(Pipeline.Stages.Report.ReportData report, string label, IReadOnlyList<PredictedSong> predictions) =>
        new(label, "revision", "0123456789ab")
        {
            Metrics = report.Metrics,
            Predictions = predictions,
            Map = report.Embedding,
            Params = new Dictionary<string, string> { ["train.model"] = "mlp" },
            Headline = [new HeadlineValue("auc", report.Metrics.Auc, 0.5, 0.7, null)],
        };

    /// <summary>Writes the hostile comparison into a folder and returns compare.html's path.</summary>
    internal static string Write(string folder)
    {
        Comparer.Write(Data(), folder);
        return Path.Combine(folder, Comparer.Html);
    }

    [Fact]
    public void Every_outside_text_lands_escaped_in_the_page_and_the_markdown()
    {
        var html = File.ReadAllText(Write(folder));
        var markdown = File.ReadAllText(Path.Combine(folder, Comparer.Markdown));

        foreach (var hostile in new[] { ReportTests.ScriptTitle, HostileLabel, HostileParam })
        {
            Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
            Assert.DoesNotContain(hostile, markdown, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("\\<script\\>", markdown.Replace("&lt;", "\\<", StringComparison.Ordinal).Replace("&gt;", "\\>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("main\\|\\*bold\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markdown, StringComparison.Ordinal);
        var lines = markdown.Split('\n');
        Assert.Equal(ReportTests.UnescapedPipes(lines.First(l => l.StartsWith("| \\# | Side |", StringComparison.Ordinal))),
            ReportTests.UnescapedPipes(lines.First(l => l.Contains("main\\|", StringComparison.Ordinal) && l.StartsWith("| 2 |", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_files_never_carry_outside_text_in_their_names()
    {
        Write(folder);

        Assert.All(Directory.GetFiles(Path.Combine(folder, Comparer.Folder)), f => Assert.Matches(@"^[a-z0-9-]+\.png$", Path.GetFileName(f)));
    }

    [Fact]
    public void The_same_runs_give_the_same_bytes()
    {
        var first = File.ReadAllBytes(Write(folder));
        var figures = Harness.TreeSnapshot.Of(Path.Combine(folder, Comparer.Folder));
        var second = File.ReadAllBytes(Write(folder));

        Assert.Equal(first, second);
        Assert.Equal(figures, Harness.TreeSnapshot.Of(Path.Combine(folder, Comparer.Folder)));
    }
}
