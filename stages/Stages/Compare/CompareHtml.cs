using System.Globalization;
using System.Text;
using Pipeline.Stages.Report;

namespace Pipeline.Stages.Compare;

/// <summary>
/// reports/compare.html: one self-contained page that works offline (plotly.js and the PNGs inlined), each side in its
/// colour throughout: the ROC curves interactive with hover, each map a thumbnail that opens the interactive one, a
/// sweep's points in parallel coordinates. Every piece of outside text is escaped where it lands; byte-stable.
/// </summary>
internal static class CompareHtml
{
    public static string Render(CompareData data, CompareViews views, CompareFigureSet figures, string folder)
    {
        var people = data.Runs.SelectMany(r => r.Metrics.Classes).Distinct().ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Compare: ")
            .Append(E(string.Join(" · ", data.Runs.Select(r => r.Label)))).Append("</title>\n<style>\n").Append(HtmlStyle.Css).Append(Css).Append("</style>\n<script>\n")
            .Append(HtmlReport.PlotlyScript).Append("\n</script>\n</head>\n<body>\n<main>\n<h1>Compare</h1>\n");
        html.Append("<section id=\"sides\">\n");
        Table(html, "sides-table", CompareTables.Sides(data), swatchColumn: 1);
        html.Append("</section>\n<section id=\"params\">\n<h2>Params that differ</h2>\n");
        if (data.DifferingParams.Count == 0)
        {
            html.Append("<p>Every side ran with the same params.</p>\n");
        }
        else
        {
            Table(html, "params-table", CompareTables.Params(data));
        }
        html.Append("</section>\n<section id=\"metrics\">\n<h2>Headline metrics</h2>\n<p>").Append(E(CompareText.MetricsIntro)).Append("</p>\n");
        Table(html, "metrics-table", CompareTables.Metrics(data));
        Figures(html, folder, [CompareFigures.Metrics], "narrow");
        html.Append("</section>\n<section id=\"roc\">\n<h2>ROC curves</h2>\n<p>Hover a curve to see the side, its false and true positive rates.</p>\n")
            .Append("<div id=\"roc-plot\" class=\"plot\"></div>\n");
        Figures(html, folder, [.. figures.Named(n => n.StartsWith("roc-person-", StringComparison.Ordinal))], "multiples");
        html.Append("</section>\n<section id=\"training\">\n<h2>Training curves</h2>\n");
        if (figures.Has(CompareFigures.Training))
        {
            Figures(html, folder, [CompareFigures.Training], "narrow");
        }
        else
        {
            html.Append("<p>").Append(E(CompareText.NoHistory)).Append("</p>\n");
        }
        html.Append("</section>\n<section id=\"per-person\">\n<h2>Per person</h2>\n");
        Figures(html, folder, [.. CompareFigures.Measures.Select(CompareFigures.PerPerson)], "figures");
        Table(html, "per-person-table", CompareTables.PerPerson(data, people));
        html.Append("</section>\n<section id=\"confusion\">\n<h2>Confusion matrices</h2>\n<p>").Append(E(CompareText.ConfusionIntro)).Append("</p>\n");
        Figures(html, folder, [.. data.Runs.Select((_, s) => CompareFigures.ConfusionOf(s))], "multiples");
        html.Append("</section>\n<section id=\"taste\">\n<h2>Taste match</h2>\n<p>").Append(E(Report.Taste.TasteMatch.Definition)).Append("</p>\n");
        Table(html, "taste-table", CompareTables.Taste(data, views));
        html.Append("</section>\n<section id=\"maps\">\n<h2>Maps</h2>\n<p>").Append(E(CompareText.MapsHtmlIntro)).Append("</p>\n");
        foreach (var note in views.Maps.Select((shown, s) => CompareText.ThinnedNote(shown.Count, data.Runs[s].Map.Count)).Where(n => n.Length > 0).Distinct())
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }
        html.Append("<div class=\"multiples\">\n");
        for (var s = 0; s < data.Runs.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<button class=\"thumb\" data-side=\"{s}\" style=\"border-color: {SidePalette.HexOf(s)}\" title=\"Open the interactive map of side {s + 1}\">")
                .Append(Image(folder, CompareMaps.ThumbnailOf(s))).Append("</button>\n");
        }
        html.Append("</div>\n<div id=\"map-view\" class=\"map\" hidden></div>\n</section>\n");
        if (data.Runs.Count >= 2)
        {
            html.Append("<section id=\"changed\">\n<h2>Songs whose predicted person changed</h2>\n<p>")
                .Append(E(CompareTables.ChangedLine(data, views, CompareTables.ChangedRowsHtml))).Append("</p>\n");
            if (views.Changes.Changed.Count > 0)
            {
                Table(html, "changed-table", CompareTables.Changed(data, views, CompareTables.ChangedRowsHtml));
            }
            html.Append("</section>\n");
        }
        if (data.Sweep is { } sweep)
        {
            html.Append("<section id=\"sweep\">\n<h2>Sweep ").Append(E(sweep.Id)).Append("</h2>\n<p>").Append(E(CompareText.SweepIntro(sweep, data.Runs.Count))).Append("</p>\n");
            Table(html, "sweep-table", CompareTables.Sweep(sweep));
            Figures(html, folder, [.. sweep.Axes.Select((_, a) => SweepFigures.AxisOf(a))], "figures");
            html.Append("<p>Every point from its params to the metric; drag along an axis to pick a range.</p>\n<div id=\"sweep-parallel\" class=\"plot\"></div>\n</section>\n");
        }
        html.Append("<script>\nconst compareData = ").Append(ReportJson.Serialize(CompareScript.Payload(data, views, people))).Append(";\n")
            .Append(CompareScript.Script).Append("</script>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private const string Css = """
        main { max-width: 1240px; }
        .scroll { overflow-x: auto; }
        .scroll table { font-size: 0.9em; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
        .plot { width: 936px; height: 560px; border: 1px solid #e8ebf2; border-radius: 6px; }
        .multiples { display: flex; flex-wrap: wrap; gap: 10px; }
        .multiples figure { width: 300px; }
        .thumb { padding: 0; border: 3px solid; border-radius: 8px; background: #fff; cursor: pointer; width: 300px; }
        .thumb img { width: 100%; display: block; border-radius: 5px; }
        #map-view { margin-top: 12px; }

        """;

    /// <summary>A table of text cells, every cell escaped; the side column gets each side's colour swatch.</summary>
    private static void Table(StringBuilder html, string id, (string[] Header, List<string[]> Rows) table, int swatchColumn = -1)
    {
        html.Append("<div class=\"scroll\"><table id=\"").Append(id).Append("\">\n<tr>");
        foreach (var header in table.Header)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }
        html.Append("</tr>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Rows[r].Length; c++)
            {
                var swatch = c == swatchColumn ? $"<span class=\"swatch\" style=\"background: {SidePalette.HexOf(r)}\"></span>" : "";
                html.Append("<td>").Append(swatch).Append(E(table.Rows[r][c])).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table></div>\n");
    }

    private static void Figures(StringBuilder html, string folder, IReadOnlyList<string> names, string style)
    {
        var present = names.Where(n => File.Exists(Path.Combine(folder, n))).ToList();
        if (present.Count == 0)
        {
            return;
        }
        html.Append("<div class=\"").Append(style).Append("\">\n");
        foreach (var name in present)
        {
            html.Append("<figure>").Append(Image(folder, name)).Append("<figcaption>").Append(E(CompareText.FigureTitle(name))).Append("</figcaption></figure>\n");
        }
        html.Append("</div>\n");
    }

    private static string Image(string folder, string name) =>
        $"<img alt=\"{E(CompareText.FigureTitle(name))}\" data-figure=\"{name}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, name)))}\">";

    private static string E(string text) => Escape.Html(text);
}
