using System.Globalization;
using System.Text;

namespace Pipeline.Stages.Report;

/// <summary>reports/report.md, for pull requests: the metrics, the figures, the misclassified songs. Byte-stable.</summary>
public static class MarkdownReport
{
    public static string Render(ReportData data, IReadOnlyList<string> figures, string? changes = null)
    {
        var m = data.Metrics;
        var text = new StringBuilder();
        text.Append("# Whose taste is it?\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Model **{data.Model}**, trained on {data.TrainRows} songs ")
            .Append(CultureInfo.InvariantCulture, $"and tested on {data.TestRows} it never saw, from {data.Classes.Count} people: ")
            .Append(string.Join(", ", data.Classes.Select(Escape.MarkdownCell))).Append(".\n\n");
        if (data.SourceNote is { } note)
        {
            text.Append(Escape.MarkdownCell(note)).Append("\n\n");
        }
        text.Append("| Metric | Value |\n|---|---:|\n");
        foreach (var (label, key) in ReportText.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {label} | {m.GetProperty(key).GetDouble():0.0000} |\n");
        }
        text.Append("\n| Person | Precision | Recall | F1 | Test songs |\n|---|---:|---:|---:|---:|\n");
        foreach (var (name, precision, recall, f1, support) in data.PerPerson())
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Escape.MarkdownCell(name)} | {precision:0.000} | {recall:0.000} | {f1:0.000} | {support} |\n");
        }
        text.Append('\n');
        if (changes is not null)
        {
            text.Append(changes.TrimEnd('\n')).Append("\n\n");
        }
        foreach (var figure in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"![{ReportText.FigureTitle(figure)}](figures/{figure})\n\n");
        }
        text.Append(ReportText.EmbeddingLine(data.EmbeddingSummary)).Append("\n\n");
        AppendSignatures(text, data);
        var wrong = data.Misclassified(ReportText.MisclassifiedRows);
        text.Append("## Misclassified songs\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{ReportText.MisclassifiedIntro(wrong.Count, data.Mistakes)}\n\n");
        text.Append("| Song | Artists | Liked by | Sounds like | Model's confidence |\n|---|---|---|---|---:|\n");
        foreach (var song in wrong)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape.MarkdownCell(song.Name)} | {Escape.MarkdownCell(song.Artists)} | {Escape.MarkdownCell(song.TrueUser)} | {Escape.MarkdownCell(song.PredictedUser)} | {data.Confidence(song):0.00} |\n");
        }
        return text.ToString();
    }

    private static void AppendSignatures(StringBuilder text, ReportData data)
    {
        text.Append("## Signature songs\n\n").Append(ReportText.SignatureIntro).Append("\n\n");
        text.Append("| Whose | Song | Artists | Model's probability |\n|---|---|---|---:|\n");
        foreach (var (whose, song, probability) in data.SignatureRows(ReportText.SignatureRows))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape.MarkdownCell(whose)} | {Escape.MarkdownCell(song.Name)} | {Escape.MarkdownCell(song.Artists)} | {probability:0.00} |\n");
        }
        text.Append('\n');
    }
}
