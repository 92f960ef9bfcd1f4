using System.Globalization;
using Pipeline.Stages.Report;
using ScottPlot;

namespace Pipeline.Stages.Compare;

/// <summary>
/// A sweep's charts: each swept param against the metric (each point with its 95% interval), and a parallel-coordinates
/// chart of every point from its params to the metric; the best point and those within noise of it marked.
/// </summary>
internal static class SweepFigures
{
    public const string Parallel = "sweep-parallel.png";

    public static string AxisOf(int axis) => $"sweep-param-{axis + 1}.png";

    public static Color VerdictColor(string verdict) => Color.FromHex(VerdictHex(verdict));

    public static string VerdictHex(string verdict) => verdict switch { "best" => "#EE6677", "within noise" => "#4477AA", _ => "#999999" };

    /// <summary>A param's values as positions: the numbers themselves when every value is one, else their order of first sight, sorted.</summary>
    public static (Func<string, double> Position, double[] Ticks, string[] Labels) Scale(IEnumerable<string> values)
    {
        var distinct = values.Distinct().ToList();
        if (distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var numbers = distinct.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).Order().ToArray();
            return (v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture), numbers,
                [.. numbers.Select(n => n.ToString("0.####", CultureInfo.InvariantCulture))]);
        }
        var sorted = distinct.Order(StringComparer.Ordinal).ToList();
        return (v => sorted.IndexOf(v), [.. sorted.Select((_, i) => (double)i)], [.. sorted.Select(CompareFigures.Short)]);
    }

    public static void DrawAxis(SweepView sweep, int axis, string path)
    {
        var key = sweep.Axes[axis];
        var plot = Figures.NewPlot($"{CompareFigures.Short(key)} against {sweep.Metric}", key, sweep.Metric);
        var scored = sweep.Points.Where(p => p.Metric is not null).ToList();
        var (position, ticks, labels) = Scale(sweep.Points.Select(p => p.Values[key]));
        foreach (var point in scored.OrderBy(p => p.Verdict == "best"))
        {
            var x = position(point.Values[key]);
            var color = VerdictColor(point.Verdict);
            if (point is { Low: { } low, High: { } high })
            {
                var bar = plot.Add.Line(x, low, x, high);
                bar.LineColor = color.WithAlpha(0.7);
                bar.LineWidth = 2;
            }
            plot.Add.Marker(x, point.Metric!.Value, point.Verdict == "best" ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, point.Verdict == "best" ? 14 : 9, color);
        }
        plot.Axes.Bottom.SetTicks(ticks, labels);
        foreach (var verdict in new[] { "best", "within noise", "worse" })
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = verdict, FillColor = VerdictColor(verdict) });
        }
        plot.ShowLegend(Alignment.UpperCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Axes.Margins(bottom: 0.1, top: 0.25);
        CompareFigures.Save(plot, path, 640, 420);
    }

    /// <summary>Each point a line through its values of every swept param (each axis scaled to its own range) to the metric.</summary>
    public static void DrawParallel(SweepView sweep, string path)
    {
        var plot = Figures.NewPlot($"Every point, from its params to {sweep.Metric}", "", "");
        var columns = sweep.Axes.Select(a => Normalized(sweep.Points.Select(p => p.Values[a]).ToList())).ToList();
        var metric = Normalized([.. sweep.Points.Select(p => p.Metric is { } m ? m.ToString("R", CultureInfo.InvariantCulture) : "")]);
        columns.Add(metric);
        for (var k = 0; k < columns.Count; k++)
        {
            var axis = plot.Add.Line(k, 0, k, 1);
            axis.LineColor = Colors.Gray;
            axis.LineWidth = 1;
        }
        var order = Enumerable.Range(0, sweep.Points.Count).OrderBy(i => sweep.Points[i].Verdict switch { "best" => 2, "within noise" => 1, _ => 0 }).ToList();
        foreach (var i in order)
        {
            var ys = columns.Select(c => c.Values[i]).ToArray();
            var line = plot.Add.ScatterLine(Enumerable.Range(0, columns.Count).Select(k => (double)k).ToArray(), ys);
            line.Color = VerdictColor(sweep.Points[i].Verdict).WithAlpha(sweep.Points[i].Verdict == "worse" || sweep.Points[i].Verdict == "" ? 0.45 : 0.95);
            line.LineWidth = sweep.Points[i].Verdict == "best" ? 4 : 2;
            line.MarkerSize = 5;
        }
        for (var k = 0; k < columns.Count; k++)
        {
            foreach (var (text, y) in new[] { (columns[k].Low, -0.06), (columns[k].High, 1.06) })
            {
                var label = plot.Add.Text(CompareFigures.Short(text), k, y);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 12;
            }
        }
        plot.Axes.Bottom.SetTicks([.. columns.Select((_, k) => (double)k)], [.. sweep.Axes.Select(a => CompareFigures.Short(a[(a.LastIndexOf('.') + 1)..])), sweep.Metric]);
        plot.Axes.Left.TickLabelStyle.IsVisible = false;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        // Room on the right for the legend, clear of the metric's axis.
        plot.Axes.SetLimits(-0.3, columns.Count - 0.2, -0.15, 1.15);
        plot.HideGrid();
        foreach (var verdict in new[] { "best", "within noise", "worse" })
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = verdict, FillColor = VerdictColor(verdict) });
        }
        plot.ShowLegend(Alignment.UpperRight);
        CompareFigures.Save(plot, path, 900, 480);
    }

    /// <summary>Values placed on 0..1 (numbers by their range, words by their sorted order; a missing one at 0), with the ends' labels.</summary>
    private static (double[] Values, string Low, string High) Normalized(List<string> values)
    {
        var present = values.Where(v => v.Length > 0).ToList();
        if (present.Count == 0)
        {
            return ([.. values.Select(_ => 0.0)], "", "");
        }
        var (position, ticks, labels) = Scale(present);
        var (min, max) = (ticks[0], ticks[^1]);
        double Place(string v) => v.Length == 0 ? 0 : max > min ? (position(v) - min) / (max - min) : 0.5;
        return ([.. values.Select(Place)], labels[0], labels[^1]);
    }
}
