using Pipeline.Stages.Report;

namespace Pipeline.Stages.Compare;

/// <summary>compare.html's script and its data: the overlaid ROC curves with hover, the interactive maps opened from the thumbnails, the sweep's parallel coordinates.</summary>
internal static class CompareScript
{
    public static object Payload(CompareData data, CompareViews views, IReadOnlyList<string> people) => new
    {
        roc = views.Roc.Select(r => new
        {
            label = Escape.Clean(r.Label),
            color = SidePalette.HexOf(r.Side),
            auc = Math.Round(r.Auc, 4),
            x = r.Fpr.Select(v => Math.Round(v, 4)),
            y = r.Tpr.Select(v => Math.Round(v, 4)),
        }),
        rocTitle = people.Count == 2 ? $"{Escape.Clean(people[1])} against {Escape.Clean(people[0])}" : "every person against the rest, pooled",
        maps = CompareMaps.Payload(data, views.Maps, people),
        sweep = data.Sweep is { } sweep ? Sweep(sweep) : null,
    };

    private static object Sweep(SweepView sweep)
    {
        var axes = sweep.Axes.Select(a =>
        {
            var (position, ticks, labels) = SweepFigures.Scale(sweep.Points.Select(p => p.Values[a]));
            return new { name = Escape.Clean(a), values = sweep.Points.Select(p => position(p.Values[a])).ToArray(), ticks, labels = labels.Select(Escape.Clean).ToArray() };
        }).ToList();
        var floor = sweep.Points.Select(p => p.Metric).OfType<double>().DefaultIfEmpty(0).Min();
        var metric = sweep.Points.Select(p => Math.Round(p.Metric ?? floor, 4)).ToArray();
        axes.Add(new { name = sweep.Metric, values = metric, ticks = (double[])[], labels = (string[])[] });
        return new { axes, verdicts = sweep.Points.Select(p => p.Verdict switch { "best" => 2, "within noise" => 1, _ => 0 }) };
    }

    public const string Script = """
        (function () {
          const d = compareData;
          const esc = s => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
          const roc = document.getElementById("roc-plot");
          const lines = d.roc.map(r => ({ type: "scatter", mode: "lines", name: esc(r.label) + " (AUC " + r.auc.toFixed(3) + ")", x: r.x, y: r.y,
            line: { color: r.color, width: 2.5 }, hovertemplate: esc(r.label) + "<br>false positive rate %{x:.3f}<br>true positive rate %{y:.3f}<extra></extra>" }));
          lines.unshift({ type: "scatter", mode: "lines", x: [0, 1], y: [0, 1], line: { color: "#999999", dash: "dash", width: 1 }, hoverinfo: "skip", showlegend: false });
          Plotly.newPlot(roc, lines, { width: 936, height: 560, margin: { l: 60, r: 20, t: 40, b: 50 }, hovermode: "closest", title: { text: "ROC: " + esc(d.rocTitle) },
            xaxis: { title: { text: "False positive rate" }, range: [-0.02, 1.02] }, yaxis: { title: { text: "True positive rate" }, range: [-0.02, 1.02] },
            legend: { x: 0.98, xanchor: "right", y: 0.02, yanchor: "bottom" } }, { displaylogo: false, responsive: false }).then(() => {
            roc.on("plotly_hover", e => { roc.dataset.hovered = e.points.map(p => p.curveNumber - 1).join(","); });
            roc.dataset.drawn = d.roc.length;
          });

          const m = d.maps;
          const view = document.getElementById("map-view");
          const openMap = s => {
            const side = m.sides[s];
            view.hidden = false;
            const traces = m.people.map((person, c) => {
              const rows = [];
              side.who.forEach((w, i) => { if (w === c) rows.push(i); });
              return { type: "scattergl", mode: "markers", name: esc(person), x: rows.map(i => side.x[i]), y: rows.map(i => side.y[i]),
                text: rows.map(i => "<b>" + esc(m.texts[side.name[i]]) + "</b><br>" + esc(m.texts[side.artist[i]]) + "<br>liked by " + esc(person)
                  + "<br>model says " + esc(m.people[side.pick[i]] || "?")), hoverinfo: "text", marker: { color: m.colors[c], size: 5, opacity: 0.75 } };
            });
            const axis = r => ({ range: r, showticklabels: false, zeroline: false, showgrid: false, ticks: "" });
            Plotly.react(view, traces, { width: 936, height: 680, margin: { l: 10, r: 10, t: 40, b: 10 }, hovermode: "closest",
              title: { text: esc(side.label), font: { color: side.color } }, xaxis: axis([side.frame[0], side.frame[1]]), yaxis: axis([side.frame[2], side.frame[3]]),
              legend: { orientation: "h", y: -0.02, yanchor: "top" }, plot_bgcolor: "#fbfcfe" }, { displaylogo: false, responsive: false }).then(() => {
              view.dataset.side = s;
              view.dataset.drawn = side.x.length;
            });
          };
          document.querySelectorAll("button.thumb").forEach(b => b.addEventListener("click", () => openMap(Number(b.dataset.side))));

          const sweep = document.getElementById("sweep-parallel");
          if (sweep && d.sweep) {
            const dimensions = d.sweep.axes.map(a => a.ticks.length > 0
              ? { label: esc(a.name), values: a.values, tickvals: a.ticks, ticktext: a.labels.map(esc) } : { label: esc(a.name), values: a.values });
            Plotly.newPlot(sweep, [{ type: "parcoords", dimensions: dimensions,
              line: { color: d.sweep.verdicts, cmin: 0, cmax: 2, colorscale: [[0, "#999999"], [0.5, "#4477AA"], [1, "#EE6677"]] } }],
              { width: 936, height: 480, margin: { l: 90, r: 90, t: 60, b: 30 } }, { displaylogo: false, responsive: false }).then(() => {
              sweep.dataset.drawn = d.sweep.verdicts.length;
            });
          }
        })();

        """;
}
