using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Pipeline.Stages.Report;

/// <summary>
/// reports/report.html: one self-contained file that works offline. plotly.js (from the Plotly.NET package) and the
/// figures are inlined; the chart's random div id is replaced so the same data gives the same bytes.
/// </summary>
public static partial class HtmlReport
{
    public static string Render(ReportData data, IReadOnlyList<string> figures, string figuresFolder)
    {
        var m = data.Metrics;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Whose taste is it?</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n")
            .Append("<script>\n").Append(PlotlyJs()).Append("\n</script>\n</head>\n<body>\n<main>\n<h1>Whose taste is it?</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\">Model <b>{Escape.Html(data.Model)}</b>, trained on ")
            .Append(CultureInfo.InvariantCulture, $"{data.TrainRows} songs and tested on {data.TestRows} it never saw, from ")
            .Append(string.Join(", ", data.Classes.Select(Escape.Html))).Append(".</p>\n");
        if (data.SourceNote is { } note)
        {
            html.Append("<p>").Append(Escape.Html(note)).Append("</p>\n");
        }
        html.Append("<section class=\"cards\">\n");
        foreach (var (label, key) in ReportText.Metrics)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\">{m.GetProperty(key).GetDouble():0.000}</div><div class=\"label\">{label}</div></div>\n");
        }
        html.Append("</section>\n<h2>Per person</h2>\n<table>\n<tr><th>Person</th><th>Precision</th><th>Recall</th><th>F1</th><th>Test songs</th></tr>\n");
        foreach (var (name, precision, recall, f1, support) in data.PerPerson())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Escape.Html(name)}</td><td>{precision:0.000}</td><td>{recall:0.000}</td><td>{f1:0.000}</td><td>{support}</td></tr>\n");
        }
        html.Append("</table>\n<h2>Map of the songs</h2>\n<p>").Append(Escape.Html(ReportText.EmbeddingLine(data.EmbeddingSummary)))
            .Append(" Hover a point to see the song; drag to zoom, double-click to zoom out.</p>\n")
            .Append(InteractiveMap(data)).Append('\n');
        html.Append("<h2>Figures</h2>\n<div class=\"figures\">\n");
        foreach (var figure in figures)
        {
            var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(figuresFolder, figure)));
            html.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{ReportText.FigureTitle(figure)}\" src=\"data:image/png;base64,{png}\"><figcaption>{ReportText.FigureTitle(figure)}</figcaption></figure>\n");
        }
        html.Append("</div>\n");
        AppendSignatures(html, data);
        AppendMisclassified(html, data);
        html.Append("<h2>Params</h2>\n<pre>").Append(Escape.Html(data.ParamsJson)).Append("</pre>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSignatures(StringBuilder html, ReportData data)
    {
        html.Append("<h2>Signature songs</h2>\n<p>").Append(Escape.Html(ReportText.SignatureIntro)).Append("</p>\n");
        html.Append("<table id=\"signatures\">\n<tr><th>Whose</th><th>Song</th><th>Artists</th><th>Model's probability</th></tr>\n");
        foreach (var (whose, song, probability) in data.SignatureRows(ReportText.SignatureRows))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Escape.Html(whose)}</td><td>{Escape.Html(song.Name)}</td><td>{Escape.Html(song.Artists)}</td><td>{probability:0.00}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendMisclassified(StringBuilder html, ReportData data)
    {
        var wrong = data.Misclassified(ReportText.MisclassifiedRows);
        html.Append("<h2>Misclassified songs</h2>\n<p>")
            .Append(Escape.Html(ReportText.MisclassifiedIntro(wrong.Count, data.Mistakes))).Append("</p>\n");
        html.Append("<table id=\"misclassified\">\n<tr><th>Song</th><th>Artists</th><th>Liked by</th><th>Sounds like</th><th>Model's confidence</th></tr>\n");
        foreach (var song in wrong)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Escape.Html(song.Name)}</td><td>{Escape.Html(song.Artists)}</td><td>{Escape.Html(song.TrueUser)}</td><td>{Escape.Html(song.PredictedUser)}</td><td>{data.Confidence(song):0.00}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string InteractiveMap(ReportData data)
    {
        var traces = new List<GenericChart>();
        for (var c = 0; c < data.Classes.Count; c++)
        {
            var songs = data.Embedding.Where(s => s.User == data.Classes[c]).ToList();
            traces.Add(Chart.Point<double, double, string>(
                x: songs.Select(s => s.X), y: songs.Select(s => s.Y), Name: Escape.Html(data.Classes[c]),
                MultiText: Some(songs.Select(HoverText)), MarkerColor: Plotly.NET.Color.fromHex(Figures.ColorOf(c).ToHex()[..7])));
        }
        var wrong = data.Embedding.Where(s => s.User != s.PredictedUser).ToList();
        traces.Add(Chart.Point<double, double, string>(
            x: wrong.Select(s => s.X), y: wrong.Select(s => s.Y), Name: "misclassified", MultiText: Some(wrong.Select(HoverText)),
            MarkerSymbol: StyleParam.MarkerSymbol.X, MarkerColor: Plotly.NET.Color.fromHex("#222222")));
        var chart = Chart.Combine(traces).WithSize(960, 680);
        var snippet = GenericChart.toChartHTML(chart);
        snippet = DivId().Replace(snippet, "songs-map");
        return RenderFunction().Replace(snippet, "renderPlotly_songs_map");
    }

    private static Optional<IEnumerable<string>> Some(IEnumerable<string> values) => new(values.ToArray(), true);

    private static string HoverText(EmbeddedSong song) => string.Create(CultureInfo.InvariantCulture,
        $"<b>{Escape.Html(song.Name)}</b><br>{Escape.Html(song.Artists)}<br>liked by {Escape.Html(song.User)}<br>model says {Escape.Html(song.PredictedUser)} ({song.Probability:0.00})<br>{song.Split} song");

    private static string PlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2433; background: #f7f8fb; margin: 0; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
        h1 { font-size: 2.1em; margin-bottom: 0.2em; }
        h2 { margin-top: 1.8em; border-bottom: 1px solid #e3e6ee; padding-bottom: 4px; }
        .lead { color: #4a5468; font-size: 1.1em; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 20px 0; }
        .card { flex: 1 1 150px; background: #f1f4fa; border-radius: 8px; padding: 12px 16px; }
        .card .value { font-size: 1.8em; font-weight: bold; }
        .card .label { color: #5a6478; font-size: 0.9em; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e8ebf2; }
        th { background: #f1f4fa; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
        figure { margin: 0; }
        figure img { width: 100%; border: 1px solid #e8ebf2; border-radius: 6px; }
        figcaption { color: #5a6478; font-size: 0.9em; text-align: center; }
        pre { background: #f1f4fa; padding: 12px; border-radius: 6px; overflow-x: auto; font-size: 0.85em; }

        """;

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DivId();

    [GeneratedRegex("renderPlotly_[0-9a-f]{32}")]
    private static partial Regex RenderFunction();
}
