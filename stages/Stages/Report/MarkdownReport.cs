using System.Globalization;
using System.Text;

namespace Pipeline.Stages.Report;

/// <summary>reports/report.md, for pull requests: the metrics, the figures, the misclassified songs. Byte-stable.</summary>
public static class MarkdownReport
{
    public static string Render(ReportData data, IReadOnlyList<string> figures)
    {
        var m = data.Metrics;
        var text = new StringBuilder();
        text.Append("# Whose taste is it?\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Model **{m.GetProperty("model").GetString()}**, trained on {m.GetProperty("rows").GetProperty("train").GetInt32()} songs ")
            .Append(CultureInfo.InvariantCulture, $"and tested on {m.GetProperty("rows").GetProperty("test").GetInt32()} it never saw, from {data.Classes.Count} people: ")
            .Append(string.Join(", ", data.Classes.Select(Escape.MarkdownCell))).Append(".\n\n");
        text.Append("| Metric | Value |\n|---|---:|\n");
        foreach (var (label, key) in ReportText.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {label} | {m.GetProperty(key).GetDouble():0.0000} |\n");
        }
        text.Append("\n| Person | Precision | Recall | F1 | Test songs |\n|---|---:|---:|---:|---:|\n");
        foreach (var person in m.GetProperty("per_user").EnumerateObject())
        {
            var p = person.Value;
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape.MarkdownCell(person.Name)} | {p.GetProperty("precision").GetDouble():0.000} | {p.GetProperty("recall").GetDouble():0.000} | {p.GetProperty("f1").GetDouble():0.000} | {p.GetProperty("support").GetInt32()} |\n");
        }
        text.Append('\n');
        foreach (var figure in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"![{ReportText.FigureTitle(figure)}](figures/{figure})\n\n");
        }
        text.Append(ReportText.EmbeddingLine(data.EmbeddingSummary)).Append("\n\n");
        var wrong = data.Misclassified(ReportText.MisclassifiedRows);
        text.Append("## Misclassified songs\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{ReportText.MisclassifiedIntro(wrong.Count, data.TestPredictions.Count(p => p.TrueUser != p.PredictedUser))}\n\n");
        text.Append("| Song | Artists | Liked by | Sounds like | Model's confidence |\n|---|---|---|---|---:|\n");
        foreach (var song in wrong)
        {
            var confidence = song.Probabilities[data.Classes.ToList().IndexOf(song.PredictedUser)];
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape.MarkdownCell(song.Name)} | {Escape.MarkdownCell(song.Artists)} | {Escape.MarkdownCell(song.TrueUser)} | {Escape.MarkdownCell(song.PredictedUser)} | {confidence:0.00} |\n");
        }
        return text.ToString();
    }
}
