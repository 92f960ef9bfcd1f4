using System.Globalization;
using System.Text;
using Pipeline.Stages.Embed;

namespace Pipeline.Stages.Report;

/// <summary>
/// report.html's interactive map: plotly.js WebGL scatter (scattergl), one trace per person and one of rings for
/// the test songs given to someone else. The songs go in as compact JSON and the hover text is built in the page.
/// </summary>
internal static class SongMap
{
    /// <param name="shown">The songs the map carries (<see cref="MapView.Interactive"/>).</param>
    public static string Html(ReportData data, MapView view, IReadOnlyList<EmbeddedSong> shown)
    {
        var artists = shown.Select(s => Escape.Clean(s.Artists)).Distinct().Order(StringComparer.Ordinal).ToList();
        var artistIndex = artists.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var classIndex = data.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var people = data.Classes.Select((c, i) =>
        {
            var songs = shown.Where(s => s.User == c).ToList();
            return new
            {
                x = songs.Select(s => Round(s.X)),
                y = songs.Select(s => Round(s.Y)),
                name = songs.Select(s => Escape.Clean(s.Name)),
                artist = songs.Select(s => artistIndex[Escape.Clean(s.Artists)]),
                pick = songs.Select(s => classIndex.GetValueOrDefault(s.PredictedUser, -1)),
                sure = songs.Select(s => (int)Math.Round(s.Probability * 100)),
                test = songs.Select(s => s.Split == "test" ? 1 : 0),
            };
        }).ToList();
        var payload = new
        {
            classes = data.Classes.Select(Escape.Clean),
            colors = data.Classes.Select((_, i) => Palette.HexOf(i)),
            artists,
            people,
            frame = new[] { Round(view.XMin), Round(view.XMax), Round(view.YMin), Round(view.YMax) },
            size = Math.Max(3, view.MarkerSize + 1),
            opacity = Math.Min(1, view.Opacity + 0.1),
            ring = new { size = Math.Max(6, view.RingSize + 2), width = Math.Max(1, view.RingWidth + 0.4), opacity = view.RingOpacity },
        };
        var html = new StringBuilder();
        html.Append("<div id=\"songs-map\" class=\"map\" data-songs=\"").Append(shown.Count.ToString(CultureInfo.InvariantCulture)).Append("\"></div>\n");
        html.Append("<script>\nconst songsMap = ").Append(ReportJson.Serialize(payload)).Append(";\n").Append(Script).Append("</script>\n");
        return html.ToString();
    }

    private static double Round(double value) => Math.Round(value, 2);

    private const string Script = """
        (function () {
          const d = songsMap;
          const esc = s => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
          const traces = [];
          const rings = { x: [], y: [], text: [], color: [] };
          d.people.forEach((p, c) => {
            const text = p.name.map((n, i) => "<b>" + esc(n) + "</b><br>" + esc(d.artists[p.artist[i]]) + "<br>liked by " + esc(d.classes[c])
              + "<br>model says " + esc(d.classes[p.pick[i]] || "?") + " (" + (p.sure[i] / 100).toFixed(2) + ")<br>" + (p.test[i] ? "test" : "training") + " song");
            traces.push({ type: "scattergl", mode: "markers", name: esc(d.classes[c]), x: p.x, y: p.y, text: text, hoverinfo: "text",
              marker: { color: d.colors[c], size: d.size, opacity: d.opacity } });
            p.pick.forEach((k, i) => {
              if (p.test[i] && k !== c && k >= 0) {
                rings.x.push(p.x[i]); rings.y.push(p.y[i]); rings.text.push(text[i]); rings.color.push(d.colors[k]);
              }
            });
          });
          traces.push({ type: "scattergl", mode: "markers", name: "test song the model gave to someone else (ring: its pick)",
            x: rings.x, y: rings.y, text: rings.text, hoverinfo: "text",
            marker: { symbol: "circle-open", size: d.ring.size, opacity: d.ring.opacity, color: rings.color, line: { width: d.ring.width, color: rings.color } } });
          const axis = r => ({ range: r, showticklabels: false, zeroline: false, showgrid: false, ticks: "" });
          const layout = { width: 936, height: 680, margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest",
            xaxis: axis([d.frame[0], d.frame[1]]), yaxis: axis([d.frame[2], d.frame[3]]),
            legend: { orientation: "h", y: -0.02, yanchor: "top" }, plot_bgcolor: "#fbfcfe" };
          Plotly.newPlot("songs-map", traces, layout, { displaylogo: false, responsive: false }).then(() => {
            document.getElementById("songs-map").dataset.drawn = traces.reduce((n, t) => n + t.x.length, 0) - rings.x.length;
          });
        })();

        """;
}
