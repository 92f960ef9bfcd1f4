using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Stages.Data;
using Pipeline.Stages.Embed;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report;

namespace Pipeline.Tests.Stages;

/// <summary>Untrusted song text in every table and script of the reports, on hand-made report data.</summary>
public sealed partial class ReportTests
{
    internal const string ScriptTitle = "<script>alert(1)</script>";
    internal const string PipeArtist = "| a | b |";
    private const string EscapedTitle = "&lt;script&gt;alert(1)&lt;/script&gt;";

    [Fact]
    public void A_title_with_a_script_tag_shows_as_text_in_the_html()
    {
        var html = HtmlReport.Render(Data(), [], Path.GetTempPath());

        Assert.DoesNotContain(ScriptTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{EscapedTitle}</td>", html, StringComparison.Ordinal);
        // The map's and the quiz's data: JSON with < and > as \u003C and \u003E, so no title can close the script.
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", html[html.IndexOf("songs-map", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", html[html.IndexOf("quizData", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<script").Length - 1);
        Assert.Equal(3, html.Split("</script>").Length - 1);
    }

    [Fact]
    public void Pipes_and_markup_in_names_do_not_break_the_markdown_table()
    {
        var markdown = MarkdownReport.Render(Data(), []);

        var mistakes = Section(markdown, "## Mistakes, and why");
        var row = mistakes.Split('\n').Single(l => l.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(7, UnescapedPipes(row));
        Assert.StartsWith("| &lt;script&gt;alert(1)&lt;/script&gt; | \\| a \\| b \\| | paulo | amelia | 0.91 | ", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_titles_are_escaped_in_every_table_of_both_reports()
    {
        var html = HtmlReport.Render(Data(), [], Path.GetTempPath());
        var markdown = MarkdownReport.Render(Data(), []);

        foreach (var table in new[] { "signatures", "misclassified", "shared-songs" })
        {
            var start = html.IndexOf($"<table id=\"{table}\">", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no table {table}");
            var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
            Assert.Contains(EscapedTitle, body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", body, StringComparison.Ordinal);
        }
        foreach (var (section, columns) in new[] { ("## Signature songs", 4), ("## Mistakes, and why", 6), ("## Taste match", 3) })
        {
            var rows = Section(markdown, section).Split('\n').Where(l => l.Contains("alert", StringComparison.Ordinal)).ToList();
            Assert.True(rows.Count > 0, $"no hostile row in {section}");
            Assert.All(rows, r => Assert.Equal(columns + 1, UnescapedPipes(r)));
            Assert.All(rows, r => Assert.DoesNotContain("<script", r, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_quiz_holds_ten_test_songs_as_data_and_puts_them_in_the_page_as_text()
    {
        var html = HtmlReport.Render(Data(songs: 30), [], Path.GetTempPath());

        var json = QuizData().Match(html).Groups[1].Value;
        using var quiz = JsonDocument.Parse(json);
        var songs = quiz.RootElement.GetProperty("songs").EnumerateArray().ToList();
        Assert.Equal(10, songs.Count);
        Assert.Equal(songs.Count, songs.Select(s => s.GetProperty("name").GetString()).Distinct().Count());
        Assert.Equal(5, songs.Count(s => s.GetProperty("truth").GetString() == "amelia"));
        Assert.Equal(json, QuizData().Match(HtmlReport.Render(Data(songs: 30), [], Path.GetTempPath())).Groups[1].Value);
        var script = html[html.IndexOf("const quizData", StringComparison.Ordinal)..];
        Assert.DoesNotContain("innerHTML", script[..script.IndexOf("</script>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_summary_names_the_files_and_the_rows_they_lost()
    {
        var data = Data() with
        {
            Params = new PipelineParams { Fetch = new FetchParams { Source = "csv" } },
            FetchSummary = new FetchSummary
            {
                Source = "csv",
                MissingFeatures = [],
                Users = [],
                Files = [new FileSummary("imports/elke.csv", 1_000, 3), new FileSummary("imports/lewis.csv", 200, 0)],
            },
        };

        var rows = DataSummary.Rows(data).ToDictionary(r => r.Label, r => r.Value);

        Assert.Equal("csv: imports/elke.csv, imports/lewis.csv", rows["Source"]);
        Assert.Equal("imports/elke.csv: 3 of 1,000 (an empty, non-numeric or impossible feature)", rows["Rows skipped"]);
        Assert.Equal("amelia: 3, paulo: 3", rows["Songs per person"]);
        Assert.StartsWith("1, left out of training", rows["Songs several people like"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_is_byte_identical_for_the_same_data()
    {
        Assert.Equal(HtmlReport.Render(Data(), [], Path.GetTempPath()), HtmlReport.Render(Data(), [], Path.GetTempPath()));
        Assert.Equal(MarkdownReport.Render(Data(), []), MarkdownReport.Render(Data(), []));
    }

    /// <summary>Column separators: pipes not escaped with a backslash. Five columns have six.</summary>
    internal static int UnescapedPipes(string row) => row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    /// <summary>Two people's hand-made report: the hostile song is paulo's, liked by amelia too, and the model gave it to amelia.</summary>
    internal static ReportData Data(int songs = 0)
    {
        var metrics = JsonSerializer.Deserialize<MetricsDocument>("""
            {"accuracy":0.5,"f1_macro":0.5,"auc":0.6,"log_loss":0.7,"baseline_accuracy":0.5,
             "confusion_matrix":{"labels":["amelia","paulo"],"matrix":[[1,0],[1,0]]},
             "per_user":{"amelia":{"precision":0.5,"recall":1,"f1":0.667,"support":1},"paulo":{"precision":0,"recall":0,"f1":0,"support":1}},
             "feature_importance":[{"feature":"energy","auc_drop":0.1}],"model":"mlp","rows":{"train":6,"test":2}}
            """, StableJson.Options)!;
        var summary = JsonSerializer.Deserialize<EmbeddingSummary>("""{"method":"tsne","n":2,"iterations":1000,"kl_divergence":0.5,"exact_gradient":true}""", StableJson.Options)!;
        List<PredictedSong> predictions =
        [
            new("t1", ScriptTitle, PipeArtist, "paulo", "amelia", [0.91, 0.09]),
            new("t2", "Fine", "Someone", "amelia", "amelia", [0.8, 0.2]),
        ];
        for (var i = 0; i < songs; i++)
        {
            var user = i % 2 == 0 ? "amelia" : "paulo";
            predictions.Add(new($"q{i}", $"Song {i}", "Band", user, "amelia", [0.6, 0.4]));
        }
        EmbeddedSong[] embedding =
        [
            new(ScriptTitle, PipeArtist, "paulo", "amelia", 0.91, "test", 1, 2),
            new("Fine", "Someone", "amelia", "amelia", 0.8, "test", 3, 4),
        ];
        return new ReportData(metrics, ["amelia", "paulo"], predictions, embedding, summary, null, new PipelineParams())
        {
            Tracks = Tracks(
                ("amelia", "t1", ScriptTitle, PipeArtist, 0.30), ("amelia", "t2", "Fine", "Someone", 0.32), ("amelia", "t3", "Other", "X", 0.28),
                ("paulo", "t1", ScriptTitle, PipeArtist, 0.30), ("paulo", "t4", "Loud", "Y", 0.05), ("paulo", "t5", "Louder", "Y", 0.07)),
        };
    }

    /// <summary>A raw table whose speechiness is given per song; every other taste feature is the same for everyone.</summary>
    internal static TrackTable Tracks(params (string User, string Id, string Name, string Artists, double Speechiness)[] rows) => new(
        [.. rows.Select(r => r.User)], [.. rows.Select(r => r.Id)], [.. rows.Select(r => r.Name)], [.. rows.Select(r => r.Artists)],
        [.. AudioFeatures.All.Select(f => new NumericColumn(f, [.. rows.Select((r, i) => f == "speechiness" ? r.Speechiness : 0.5 + (0.01 * (i % 2)))], false))]);

    [GeneratedRegex("const quizData = (.*);\n")]
    private static partial Regex QuizData();
}
