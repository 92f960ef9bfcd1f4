using Pipeline.Stages.Report.Taste;
using ScottPlot;

namespace Pipeline.Stages.Report;

/// <summary>The taste profile figures: one panel per audio feature with each person's distribution, and a radar of the 0..1 means.</summary>
internal static class TasteFigures
{
    private const int Bins = 120;
    private const int Columns = 5;

    /// <summary>Small multiples: per feature, each person's smoothed share of songs at each value, drawn as a filled curve.</summary>
    public static void SaveProfiles(TasteProfiles profiles, string path)
    {
        var rows = (profiles.Features.Count + Columns - 1) / Columns;
        var panels = new List<Plot>();
        for (var f = 0; f < profiles.Features.Count; f++)
        {
            var feature = profiles.Features[f];
            var plot = Figures.NewPlot(feature.Label, feature.AxisLabel, "");
            plot.Axes.Title.Label.FontSize = 16;
            plot.Axes.Bottom.Label.FontSize = 13;
            var (lo, hi) = Range(profiles, f);
            var top = 0.0;
            for (var p = 0; p < profiles.People.Count; p++)
            {
                var (xs, ys) = Density(profiles.Values(p, f).Select(feature.AxisValue).ToArray(), lo, hi);
                top = Math.Max(top, ys.Max());
                var fill = plot.Add.FillY(xs, ys, new double[xs.Length]);
                // Fills help two or three people apart; with more they turn to mud, so lines only.
                fill.FillColor = Palette.ColorOf(p).WithAlpha(profiles.People.Count <= 3 ? 0.13 : 0);
                fill.LineColor = Palette.ColorOf(p);
                fill.LineWidth = 2;
                fill.LegendText = f == 0 ? profiles.People[p] : "";
            }
            plot.Axes.Left.TickLabelStyle.IsVisible = false;
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Left.MinorTickStyle.Length = 0;
            plot.Axes.SetLimits(lo, hi, 0, top * 1.08);
            if (f == 0)
            {
                plot.ShowLegend(Alignment.UpperRight);
            }
            panels.Add(plot);
        }
        var multiplot = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(rows, Columns) };
        foreach (var panel in panels.Skip(1))
        {
            multiplot.AddPlot(panel);
        }
        multiplot.SavePng(path, 320 * Columns, 300 * rows);
    }

    /// <summary>The radar: each person's mean of each 0..1 feature, one outline per person.</summary>
    public static Plot DrawRadar(TasteProfiles profiles)
    {
        var spokes = profiles.Features.Select((f, i) => (f, i)).Where(x => x.f.UnitRange).ToList();
        var values = new double[profiles.People.Count, spokes.Count];
        for (var p = 0; p < profiles.People.Count; p++)
        {
            for (var s = 0; s < spokes.Count; s++)
            {
                values[p, s] = profiles.Mean(p, spokes[s].i);
            }
        }
        var plot = Figures.NewPlot("Average of each 0-1 feature", "", "");
        var radar = plot.Add.Radar(values);
        radar.PolarAxis.SetSpokes([.. spokes.Select(s => s.f.Name)], 1.1);
        radar.PolarAxis.SetCircles([0.25, 0.5, 0.75, 1.0], ["0.25", "0.5", "0.75", "1"]);
        for (var p = 0; p < profiles.People.Count; p++)
        {
            radar.Series[p].LegendText = profiles.People[p];
            radar.Series[p].FillColor = Palette.ColorOf(p).WithAlpha(profiles.People.Count <= 3 ? 0.15 : 0);
            radar.Series[p].LineColor = Palette.ColorOf(p);
            radar.Series[p].LineWidth = 2.5f;
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.HideGrid();
        plot.Axes.Frameless();
        return plot;
    }

    /// <summary>The panel's range: 0..1 for those features; otherwise the 1st to 99th percentile over everyone, a little widened.</summary>
    private static (double Lo, double Hi) Range(TasteProfiles profiles, int f)
    {
        var feature = profiles.Features[f];
        if (feature.UnitRange)
        {
            return (0, 1);
        }
        var all = Enumerable.Range(0, profiles.People.Count).SelectMany(p => profiles.Values(p, f)).Select(feature.AxisValue).Order().ToArray();
        if (all.Length == 0)
        {
            return (0, 1);
        }
        var lo = all[(int)(0.01 * (all.Length - 1))];
        var hi = all[(int)(0.99 * (all.Length - 1))];
        var pad = Math.Max((hi - lo) * 0.08, 1e-6);
        return (lo - pad, hi + pad);
    }

    /// <summary>A histogram over the range smoothed with a Gaussian kernel (Silverman's bandwidth), normalised to unit area.</summary>
    private static (double[] X, double[] Y) Density(double[] values, double lo, double hi)
    {
        var width = (hi - lo) / Bins;
        var counts = new double[Bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - lo) / width), 0, Bins - 1)]++;
        }
        var mean = values.Length > 0 ? values.Average() : 0;
        var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        var bandwidth = Math.Max(1.06 * sd * Math.Pow(Math.Max(values.Length, 1), -0.2), width);
        var xs = Enumerable.Range(0, Bins).Select(b => lo + ((b + 0.5) * width)).ToArray();
        var ys = new double[Bins];
        for (var b = 0; b < Bins; b++)
        {
            for (var k = 0; k < Bins; k++)
            {
                if (counts[k] > 0)
                {
                    var z = (xs[b] - xs[k]) / bandwidth;
                    ys[b] += counts[k] * Math.Exp(-0.5 * z * z);
                }
            }
        }
        var area = ys.Sum() * width;
        return (xs, area > 0 ? ys.Select(y => y / area).ToArray() : ys);
    }
}
