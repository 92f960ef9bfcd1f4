using System.Globalization;
using System.Text;
using Pipeline.Stages.Report.Taste;

namespace Pipeline.Stages.Report;

/// <summary>
/// reports/report.html: one self-contained file that works offline, plotly.js (its gl2d bundle) and the figures
/// inlined. Every piece of outside text is escaped where it lands; the same data gives the same bytes.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReportData data, IReadOnlyList<string> figures, string figuresFolder) =>
        Render(data, ReportViews.Of(data), figures, figuresFolder);

    internal static string Render(ReportData data, ReportViews views, IReadOnlyList<string> figures, string figuresFolder)
    {
        var taste = views.Taste;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Whose taste is it?</title>\n")
            .Append("<style>\n").Append(HtmlStyle.Css).Append("</style>\n")
            .Append("<script>\n").Append(PlotlyScript).Append("\n</script>\n</head>\n<body>\n<main>\n<h1>Whose taste is it?</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\">The songs {data.Classes.Count} people like, and a model (<b>{E(data.Model)}</b>) that learned whose taste a song fits: ")
            .Append(string.Join(", ", data.Classes.Select(E))).Append(".</p>\n");
        if (data.SourceNote is { } note)
        {
            html.Append("<p>").Append(E(note)).Append("</p>\n");
        }
        AppendTable(html, "data-summary", ["About the data", ""], DataSummary.Rows(data).Select(r => new[] { r.Label, r.Value }));
        AppendTaste(html, taste, figures, figuresFolder);
        AppendMatch(html, data, taste);
        AppendModel(html, data);
        AppendMap(html, data, views);
        AppendSignatures(html, data);
        AppendMistakes(html, data, taste);
        html.Append(Quiz.Html(data));
        html.Append("<h2>How the model did</h2>\n<div class=\"figures\">\n");
        foreach (var figure in figures.Where(f => f is not Figures.Taste and not Figures.Radar and not Figures.Embedding))
        {
            AppendFigure(html, figuresFolder, figure);
        }
        html.Append("</div>\n<h2>Params</h2>\n");
        AppendTable(html, "params", ["Param", "Value"], DataSummary.Params(data.Params).Select(r => new[] { r.Key, r.Value }));
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTaste(StringBuilder html, TasteReport taste, IReadOnlyList<string> figures, string folder)
    {
        html.Append("<h2>Taste profiles</h2>\n<p>").Append(E(ReportText.TasteIntro)).Append("</p>\n<ul class=\"findings\">\n");
        foreach (var sentence in taste.Sentences)
        {
            html.Append("<li>").Append(E(sentence)).Append("</li>\n");
        }
        html.Append("</ul>\n");
        foreach (var figure in figures.Where(f => f is Figures.Taste or Figures.Radar))
        {
            html.Append("<div class=\"").Append(figure == Figures.Taste ? "wide" : "narrow").Append("\">");
            AppendFigure(html, folder, figure);
            html.Append("</div>\n");
        }
    }

    private static void AppendMatch(StringBuilder html, ReportData data, TasteReport taste)
    {
        html.Append("<h2>Taste match</h2>\n<p>").Append(E(TasteMatch.Definition)).Append("</p>\n");
        var people = data.Classes.Where(c => taste.Profiles.People.Contains(c)).ToList();
        if (people.Count >= 3)
        {
            AppendMatrix(html, people, taste);
        }
        html.Append("<table id=\"shared-songs\">\n<tr><th>Pair</th><th>Match</th><th>Songs both like</th></tr>\n");
        foreach (var pair in taste.PairsToList)
        {
            var (lines, left) = pair.Listed(taste.SharedListed);
            var listed = lines.Select(s => $"{E(s.Name)} <span class=\"by\">({E(s.Artists)})</span>");
            var more = left > 0 ? string.Create(CultureInfo.InvariantCulture, $", and {left:N0} more") : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"pair\">{E(pair.A)} and {E(pair.B)}</td><td class=\"num\">{pair.MatchText}</td><td>{pair.Shared.Count:N0}{(pair.Shared.Count > 0 ? ": " : "")}{string.Join(", ", listed)}{more}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    /// <summary>The pairwise matrix: each cell the match, shaded by it, and the number of songs both like.</summary>
    private static void AppendMatrix(StringBuilder html, IReadOnlyList<string> people, TasteReport taste)
    {
        html.Append("<table id=\"match-matrix\" class=\"matrix\">\n<tr><th></th>");
        foreach (var person in people)
        {
            html.Append("<th>").Append(E(person)).Append("</th>");
        }
        html.Append("</tr>\n");
        foreach (var a in people)
        {
            html.Append("<tr><th>").Append(E(a)).Append("</th>");
            foreach (var b in people)
            {
                var pair = a == b ? null : taste.Pair(a, b);
                if (pair is null)
                {
                    html.Append("<td class=\"self\"></td>");
                    continue;
                }
                var shade = (pair.Match ?? 0).ToString("0.00", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture,
                    $"<td style=\"background: rgba(0, 114, 178, {shade})\" class=\"{((pair.Match ?? 0) > 0.55 ? "dark" : "")}\">{pair.MatchText}<br><small>{pair.Shared.Count:N0} shared</small></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendModel(StringBuilder html, ReportData data)
    {
        html.Append("<h2>The model</h2>\n<p>").Append(CultureInfo.InvariantCulture, $"Trained on {data.TrainRows:N0} songs and tested on {data.TestRows:N0} it never saw.")
            .Append("</p>\n<section class=\"cards\">\n");
        foreach (var (label, key) in ReportText.Metrics)
        {
            var interval = data.Interval(key) is { } ci ? $"<div class=\"ci\">95% interval {ci}</div>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\">{data.Metrics.Headline(key).Value:0.000}</div>{interval}<div class=\"label\">{label}</div></div>\n");
        }
        html.Append("</section>\n");
        if (data.Interval("auc") is not null)
        {
            html.Append("<p class=\"note\">").Append(E(ReportText.IntervalNote(data.Params.Evaluate.Bootstrap))).Append("</p>\n");
        }
        if (data.CrossValidation() is { Count: > 0 } cv)
        {
            html.Append("<p>").Append(E(ReportText.CrossValidationIntro(data.CvFolds, cv.Count > 1))).Append("</p>\n");
            AppendTable(html, "cross-validation", ["Trainer", "Mean AUC", "Spread (SD)", ""],
                cv.Select(c => new[] { c.Model, F3(c.AucMean), F3(c.AucSd), c.Chosen ? "trained" : "" }));
        }
        AppendTable(html, "per-person", ["Person", "Precision", "Recall", "F1", "Test songs"], data.PerPerson().Select(p => new[]
        {
            p.Name, F3(p.Precision), F3(p.Recall), F3(p.F1), p.Support.ToString("N0", CultureInfo.InvariantCulture),
        }));
    }

    private static void AppendMap(StringBuilder html, ReportData data, ReportViews views)
    {
        var view = views.Map;
        html.Append("<h2>Map of the songs</h2>\n<p>").Append(E(ReportText.EmbeddingLine(data.EmbeddingSummary)))
            .Append(" A ring marks a test song the model gave to someone else, in that person's colour. Hover a point to see the song; drag to zoom, double-click to zoom out.</p>\n");
        foreach (var line in new[] { view.OutsideNote, ReportText.IdenticalNote(data.LargestIdenticalGroup, data.Embedding.Count),
                     ReportText.ThinnedNote(views.Interactive.Count, data.Embedding.Count) })
        {
            if (line is not null)
            {
                html.Append("<p class=\"note\">").Append(E(line)).Append("</p>\n");
            }
        }
        html.Append(SongMap.Html(data, view, views.Interactive));
    }

    private static void AppendSignatures(StringBuilder html, ReportData data)
    {
        html.Append("<h2>Signature songs</h2>\n<p>").Append(E(ReportText.SignatureIntro)).Append("</p>\n");
        AppendTable(html, "signatures", ["Whose", "Song", "Artists", "Model's probability"],
            data.SignatureRows(ReportText.SignatureRows).Select(r => new[] { r.Whose, r.Song.Name, r.Song.Artists, F2(r.Probability) }));
    }

    private static void AppendMistakes(StringBuilder html, ReportData data, TasteReport taste)
    {
        html.Append("<h2>Mistakes, and why</h2>\n<p>").Append(E(ReportText.MisclassifiedIntro(taste.Mistakes.Count, data.Mistakes)))
            .Append(' ').Append(E(ReportText.MistakesIntroReason)).Append("</p>\n");
        AppendTable(html, "misclassified", ["Song", "Artists", "Liked by", "Model says", "Confidence", "Why"],
            taste.Mistakes.Select(m => new[] { m.Song.Name, m.Song.Artists, m.Song.TrueUser, m.Song.PredictedUser, F2(m.Confidence), m.Why }));
    }

    /// <summary>A table of text cells, every cell escaped.</summary>
    private static void AppendTable(StringBuilder html, string id, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        html.Append("<table id=\"").Append(id).Append("\">\n<tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendFigure(StringBuilder html, string folder, string figure)
    {
        var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, figure)));
        html.Append(CultureInfo.InvariantCulture,
            $"<figure><img alt=\"{ReportText.FigureTitle(figure)}\" src=\"data:image/png;base64,{png}\"><figcaption>{ReportText.FigureTitle(figure)}</figcaption></figure>\n");
    }

    private static string E(string text) => Escape.Html(text);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>plotly.js (its gl2d bundle), for every page that draws with it.</summary>
    internal static string PlotlyScript => PlotlyJs.Value;

    /// <summary>plotly.js, read once from this assembly's resources.</summary>
    private static readonly Lazy<string> PlotlyJs = new(() =>
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("plotly-gl2d.min.js")
            ?? throw new InvalidOperationException("plotly-gl2d.min.js is not embedded in Pipeline.Stages");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
