using System.Text.Json;
using Pipeline.Stages.Report;

namespace Pipeline.Tests.Stages;

/// <summary>Untrusted song text in the reports, on hand-made report data.</summary>
public sealed class ReportTests
{
    private const string ScriptTitle = "<script>alert(1)</script>";
    private const string PipeArtist = "| a | b |";

    [Fact]
    public void A_title_with_a_script_tag_shows_as_text_in_the_html()
    {
        var html = HtmlReport.Render(Data(), [], Path.GetTempPath());

        Assert.DoesNotContain(ScriptTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html[html.IndexOf("songs-map", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<script").Length - 1);
    }

    [Fact]
    public void Pipes_and_markup_in_names_do_not_break_the_markdown_table()
    {
        var markdown = MarkdownReport.Render(Data(), []);

        var mistakes = markdown[markdown.IndexOf("## Misclassified songs", StringComparison.Ordinal)..];
        var row = mistakes.Split('\n').Single(l => l.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(6, UnescapedPipes(row));
        Assert.Equal("| &lt;script&gt;alert(1)&lt;/script&gt; | \\| a \\| b \\| | paulo | amelia | 0.91 |", row);
    }

    [Fact]
    public void Signature_songs_are_each_persons_surest_test_songs_and_the_least_sure_could_be_anyones()
    {
        PredictedSong[] songs =
        [
            new("a1", "A sure", "x", "amelia", "amelia", [0.95, 0.05]),
            new("a2", "A fair", "x", "amelia", "amelia", [0.70, 0.30]),
            new("a3", "A wrong", "x", "amelia", "paulo", [0.20, 0.80]),
            new("p1", "P sure", "x", "paulo", "paulo", [0.10, 0.90]),
            new("p2", "P torn", "x", "paulo", "amelia", [0.52, 0.48]),
            new("p3", "P fair", "x", "paulo", "paulo", [0.35, 0.65]),
        ];
        var data = Data() with { TestPredictions = songs };

        Assert.Equal(["A sure", "A fair"], data.Signature("amelia", 2).Select(s => s.Name));
        Assert.Equal(["P sure", "P fair", "P torn"], data.Signature("paulo", 3).Select(s => s.Name));
        Assert.Equal(["P torn", "P fair"], data.Anyones(2).Select(s => s.Name));
        var markdown = MarkdownReport.Render(data, []);
        Assert.Contains("| amelia | A sure | x | 0.95 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| could be anyone's (liked by paulo) | P torn | x | 0.52 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_titles_are_escaped_in_the_signature_tables()
    {
        var html = HtmlReport.Render(Data(), [], Path.GetTempPath());
        var markdown = MarkdownReport.Render(Data(), []);

        var signatures = html[html.IndexOf("<table id=\"signatures\">", StringComparison.Ordinal)..html.IndexOf("<table id=\"misclassified\">", StringComparison.Ordinal)];
        Assert.Contains("<td>paulo</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>| a | b |</td>", signatures, StringComparison.Ordinal);
        var rows = markdown[markdown.IndexOf("## Signature songs", StringComparison.Ordinal)..markdown.IndexOf("## Misclassified songs", StringComparison.Ordinal)]
            .Split('\n').Where(l => l.Contains("alert", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(5, UnescapedPipes(r)));
    }

    [Fact]
    public void The_html_report_is_byte_identical_for_the_same_data()
    {
        Assert.Equal(HtmlReport.Render(Data(), [], Path.GetTempPath()), HtmlReport.Render(Data(), [], Path.GetTempPath()));
    }

    /// <summary>Column separators: pipes not escaped with a backslash. Five columns have six.</summary>
    private static int UnescapedPipes(string row) => row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();

    private static ReportData Data()
    {
        var metrics = JsonDocument.Parse("""
            {"accuracy":0.5,"f1_macro":0.5,"auc":0.6,"log_loss":0.7,"baseline_accuracy":0.5,
             "confusion_matrix":{"labels":["amelia","paulo"],"matrix":[[1,0],[1,0]]},
             "per_user":{"amelia":{"precision":0.5,"recall":1,"f1":0.667,"support":1},"paulo":{"precision":0,"recall":0,"f1":0,"support":1}},
             "feature_importance":[{"feature":"energy","auc_drop":0.1}],"model":"mlp","rows":{"train":6,"test":2}}
            """).RootElement;
        var summary = JsonDocument.Parse("""{"method":"tsne","n":2,"iterations":1000,"kl_divergence":0.5,"exact_gradient":true}""").RootElement;
        PredictedSong[] predictions =
        [
            new("t1", ScriptTitle, PipeArtist, "paulo", "amelia", [0.91, 0.09]),
            new("t2", "Fine", "Someone", "amelia", "amelia", [0.8, 0.2]),
        ];
        EmbeddedSong[] embedding =
        [
            new(ScriptTitle, PipeArtist, "paulo", "amelia", 0.91, "test", 1, 2),
            new("Fine", "Someone", "amelia", "amelia", 0.8, "test", 3, 4),
        ];
        return new ReportData(metrics, ["amelia", "paulo"], predictions, embedding, summary, null, "{ \"seed\": 1 }");
    }
}
