using System.Globalization;
using System.Text;
using Pipeline.Stages.Report.Taste;

namespace Pipeline.Stages.Report;

/// <summary>
/// reports/report.md, for pull requests: the same story as report.html (data, taste, match, the model, signature
/// songs, mistakes with reasons) with the figures as PNGs. Every table cell escaped; byte-stable.
/// </summary>
public static class MarkdownReport
{
    public static string Render(ReportData data, IReadOnlyList<string> figures, string? changes = null) =>
        Render(data, ReportViews.Of(data), figures, changes);

    internal static string Render(ReportData data, ReportViews views, IReadOnlyList<string> figures, string? changes = null)
    {
        var taste = views.Taste;
        var text = new StringBuilder();
        text.Append("# Whose taste is it?\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The songs {data.Classes.Count} people like, and a model (**{data.Model}**) that learned whose taste a song fits: ")
            .Append(string.Join(", ", data.Classes.Select(Escape.MarkdownCell))).Append(".\n\n");
        if (data.SourceNote is { } note)
        {
            text.Append(Escape.MarkdownCell(note)).Append("\n\n");
        }
        AppendTable(text, ["About the data", ""], "|---|---|", DataSummary.Rows(data).Select(r => new[] { r.Label, r.Value }));
        if (changes is not null)
        {
            text.Append(changes.TrimEnd('\n')).Append("\n\n");
        }
        text.Append("## Taste profiles\n\n").Append(ReportText.TasteIntro).Append("\n\n");
        foreach (var sentence in taste.Sentences)
        {
            text.Append("- ").Append(Escape.MarkdownCell(sentence)).Append('\n');
        }
        text.Append('\n');
        AppendFigures(text, figures.Where(f => f is Figures.Taste or Figures.Radar));
        AppendMatch(text, data, taste);
        AppendModel(text, data);
        AppendFigures(text, figures.Where(f => f is not Figures.Taste and not Figures.Radar));
        text.Append(ReportText.EmbeddingLine(data.EmbeddingSummary)).Append(" A ring marks a test song the model gave to someone else, in that person's colour.\n\n");
        foreach (var line in new[] { views.Map.OutsideNote, ReportText.IdenticalNote(data.LargestIdenticalGroup, data.Embedding.Count) })
        {
            if (line is not null)
            {
                text.Append("> ").Append(line).Append("\n\n");
            }
        }
        text.Append("## Signature songs\n\n").Append(ReportText.SignatureIntro).Append("\n\n");
        AppendTable(text, ["Whose", "Song", "Artists", "Model's probability"], "|---|---|---|---:|",
            data.SignatureRows(ReportText.SignatureRows).Select(r => new[] { r.Whose, r.Song.Name, r.Song.Artists, F2(r.Probability) }));
        text.Append("## Mistakes, and why\n\n")
            .Append(ReportText.MisclassifiedIntro(taste.Mistakes.Count, data.Mistakes)).Append(' ').Append(ReportText.MistakesIntroReason).Append("\n\n");
        AppendTable(text, ["Song", "Artists", "Liked by", "Model says", "Confidence", "Why"], "|---|---|---|---|---:|---|",
            taste.Mistakes.Select(m => new[] { m.Song.Name, m.Song.Artists, m.Song.TrueUser, m.Song.PredictedUser, F2(m.Confidence), m.Why }));
        text.Append("## Params\n\n");
        AppendTable(text, ["Param", "Value"], "|---|---|", DataSummary.Params(data.Params).Select(r => new[] { r.Key, r.Value }));
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendMatch(StringBuilder text, ReportData data, TasteReport taste)
    {
        text.Append("## Taste match\n\n").Append(TasteMatch.Definition).Append("\n\n");
        var people = data.Classes.Where(c => taste.Profiles.People.Contains(c)).ToList();
        if (people.Count >= 3)
        {
            AppendTable(text, ["", .. people], "|---" + string.Concat(people.Select(_ => "|---:")) + "|",
                people.Select(a => people.Select(b => a == b ? "" : $"{taste.Pair(a, b)!.MatchText} · {taste.Pair(a, b)!.Shared.Count} shared").Prepend(a).ToArray()));
        }
        AppendTable(text, ["Pair", "Match", "Songs both like"], "|---|---:|---|", taste.PairsToList.Select(pair =>
        {
            var (lines, left) = pair.Listed(taste.SharedListed);
            return new[]
            {
                $"{pair.A} and {pair.B}", pair.MatchText,
                string.Create(CultureInfo.InvariantCulture, $"{pair.Shared.Count:N0}{(pair.Shared.Count > 0 ? ": " : "")}")
                    + string.Join(", ", lines.Select(s => $"{s.Name} ({s.Artists})"))
                    + (left > 0 ? string.Create(CultureInfo.InvariantCulture, $", and {left:N0} more") : ""),
            };
        }));
    }

    private static void AppendModel(StringBuilder text, ReportData data)
    {
        text.Append("## The model\n\n").Append(CultureInfo.InvariantCulture, $"Trained on {data.TrainRows:N0} songs and tested on {data.TestRows:N0} it never saw.\n\n");
        AppendTable(text, ["Metric", "Value", "95% interval"], "|---|---:|---:|", ReportText.Metrics.Select(m => new[]
        {
            m.Label, data.Metrics.Headline(m.Key).Value.ToString("0.0000", CultureInfo.InvariantCulture), data.Interval(m.Key) ?? "",
        }));
        if (data.Interval("auc") is not null)
        {
            text.Append(ReportText.IntervalNote(data.Params.Evaluate.Bootstrap)).Append("\n\n");
        }
        if (data.CrossValidation() is { Count: > 0 } cv)
        {
            text.Append(ReportText.CrossValidationIntro(data.CvFolds, cv.Count > 1)).Append("\n\n");
            AppendTable(text, ["Trainer", "Mean AUC", "Spread (SD)", ""], "|---|---:|---:|---|",
                cv.Select(c => new[] { c.Model, F3(c.AucMean), F3(c.AucSd), c.Chosen ? "trained" : "" }));
        }
        AppendTable(text, ["Person", "Precision", "Recall", "F1", "Test songs"], "|---|---:|---:|---:|---:|", data.PerPerson().Select(p => new[]
        {
            p.Name, F3(p.Precision), F3(p.Recall), F3(p.F1), p.Support.ToString("N0", CultureInfo.InvariantCulture),
        }));
    }

    private static void AppendFigures(StringBuilder text, IEnumerable<string> figures)
    {
        foreach (var figure in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"![{ReportText.FigureTitle(figure)}](figures/{figure})\n\n");
        }
    }

    /// <summary>A table with every cell escaped; <paramref name="rule"/> is the alignment row.</summary>
    private static void AppendTable(StringBuilder text, IReadOnlyList<string> headers, string rule, IEnumerable<string[]> rows)
    {
        text.Append("| ").Append(string.Join(" | ", headers.Select(Escape.MarkdownCell))).Append(" |\n").Append(rule).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(Escape.MarkdownCell))).Append(" |\n");
        }
        text.Append('\n');
    }

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
