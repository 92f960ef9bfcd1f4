using ScottPlot;

namespace Pipeline.Stages.Report;

/// <summary>The report's PNG figures, drawn with ScottPlot in the shipped font; the same data gives the same bytes.</summary>
public static class Figures
{
    public const string Roc = "roc.png";
    public const string Confusion = "confusion.png";
    public const string Training = "training.png";
    public const string Embedding = "tsne.png";
    public const string Importance = "importance.png";
    public const string Taste = "taste.png";
    public const string Radar = "radar.png";

    public static Color ColorOf(int user) => Palette.ColorOf(user);

    /// <summary>The most figures a report draws.</summary>
    public const int Count = 7;

    /// <summary>Draws every figure the data allows into <paramref name="folder"/>; returns the file names written.</summary>
    /// <param name="drawn">Told the number drawn so far, from 0, so a slow figure shows the phase is alive.</param>
    internal static IReadOnlyList<string> DrawAll(ReportData data, ReportViews views, string folder, Action<int>? drawn = null)
    {
        FigureFont.Register();
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var steps = 0;
        void Step() => drawn?.Invoke(steps++);
        Step();
        var profiles = views.Taste.Profiles;
        if (profiles.People.Count > 0 && profiles.Features.Count > 0)
        {
            TasteFigures.SaveProfiles(profiles, Path.Combine(folder, Taste));
            written.Add(Taste);
            Step();
            if (profiles.Features.Any(f => f.UnitRange))
            {
                Save(TasteFigures.DrawRadar(profiles), folder, Radar, written);
            }
        }
        else
        {
            Step();
        }
        Step();
        Save(DrawRoc(data), folder, Roc, written);
        Step();
        Save(DrawConfusion(data), folder, Confusion, written);
        Step();
        if (data.History is not null)
        {
            Save(DrawTraining(data), folder, Training, written);
        }
        Step();
        Save(DrawEmbedding(data, views.Map), folder, Embedding, written);
        Step();
        Save(DrawImportance(data), folder, Importance, written);
        Step();
        return written;
    }

    private static Plot DrawRoc(ReportData data)
    {
        var plot = NewPlot($"ROC curve (AUC {data.Metrics.Auc:0.000})", "False positive rate", "True positive rate");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        var curves = data.Classes.Count == 2 ? [1] : Enumerable.Range(0, data.Classes.Count).ToArray();
        foreach (var c in curves)
        {
            var (fpr, tpr) = RocCurve.For(data.TestPredictions.Select(p => p.TrueUser == data.Classes[c]).ToList(),
                data.TestPredictions.Select(p => p.Probabilities[c]).ToList());
            var line = plot.Add.ScatterLine(fpr, tpr);
            line.LineWidth = 2;
            line.Color = ColorOf(c);
            line.LegendText = data.Classes.Count == 2 ? $"{data.Classes[1]} vs {data.Classes[0]}" : $"{data.Classes[c]} vs rest";
        }
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot DrawConfusion(ReportData data)
    {
        var plot = NewPlot("Confusion matrix (test songs)", "Predicted", "Liked by");
        var matrix = data.Metrics.ConfusionMatrix.Matrix;
        var n = data.Classes.Count;
        var counts = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                // Heatmap rows run top to bottom: the first user on top.
                counts[t, p] = matrix[t][p];
            }
        }
        var max = counts.Cast<double>().Max();
        // ScottPlot's Blues runs dark to light: colour by (max - count) so the big counts are the dark cells.
        var shade = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                shade[t, p] = max - counts[t, p];
            }
        }
        var heatmap = plot.Add.Heatmap(shade);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                var label = plot.Add.Text(counts[t, p].ToString("0", System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                label.LabelFontSize = 22;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = counts[t, p] > max / 2 ? Colors.White : Colors.Black;
            }
        }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. data.Classes]);
        plot.Axes.Left.SetTicks(positions, data.Classes.Reverse().ToArray());
        plot.HideGrid();
        return plot;
    }

    private static Plot DrawTraining(ReportData data)
    {
        var history = data.History!;
        var plot = NewPlot($"Training (best epoch {history.BestEpoch})", "Epoch", "Cross-entropy loss");
        var epochs = Enumerable.Range(1, history.TrainLoss.Count).Select(e => (double)e).ToArray();
        var train = plot.Add.ScatterLine(epochs, history.TrainLoss.ToArray());
        train.LegendText = "training";
        train.LineWidth = 2;
        train.Color = ColorOf(0);
        var validation = plot.Add.ScatterLine(epochs, history.ValidationLoss.ToArray());
        validation.LegendText = "validation";
        validation.LineWidth = 2;
        validation.Color = ColorOf(1);
        var best = plot.Add.VerticalLine(history.BestEpoch);
        best.LineColor = Colors.Gray;
        best.LinePattern = LinePattern.Dotted;
        best.LegendText = "weights kept";
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    /// <summary>
    /// Each person's songs in their colour; a test song the model gave to someone else gets a ring in that
    /// person's colour. Limits and marker size come from <see cref="MapView"/>.
    /// </summary>
    private static Plot DrawEmbedding(ReportData data, MapView view)
    {
        var method = Embed.Methods.EmbedMethods.Find(data.EmbeddingSummary.Method).Label;
        var plot = NewPlot($"{method} of what the model sees (rings: test songs it gave to someone else)", "", "");
        for (var c = 0; c < data.Classes.Count; c++)
        {
            var songs = data.Embedding.Where(s => s.User == data.Classes[c]).ToList();
            var points = plot.Add.ScatterPoints(songs.Select(s => s.X).ToArray(), songs.Select(s => s.Y).ToArray());
            points.Color = ColorOf(c).WithAlpha(view.Opacity);
            points.MarkerSize = (float)view.MarkerSize;
            points.LegendText = data.Classes[c];
        }
        for (var c = 0; c < data.Classes.Count; c++)
        {
            var wrong = data.Embedding.Where(s => s.Split == "test" && s.User != s.PredictedUser && s.PredictedUser == data.Classes[c]).ToList();
            if (wrong.Count == 0)
            {
                continue;
            }
            var rings = plot.Add.ScatterPoints(wrong.Select(s => s.X).ToArray(), wrong.Select(s => s.Y).ToArray());
            rings.MarkerShape = MarkerShape.OpenCircle;
            rings.MarkerSize = (float)view.RingSize;
            rings.MarkerLineWidth = (float)view.RingWidth;
            rings.Color = ColorOf(c).WithAlpha(view.RingOpacity);
            rings.LegendText = $"model says {data.Classes[c]}";
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(view.XMin, view.XMax, view.YMin, view.YMax);
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.IsVisible = false;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }
        return plot;
    }

    private static Plot DrawImportance(ReportData data)
    {
        var top = data.Metrics.FeatureImportance.Take(10).Select(e => (Name: e.Feature, Drop: e.AucDrop)).Reverse().ToList();
        var plot = NewPlot("Permutation importance (AUC drop when shuffled)", "Drop in test AUC", "");
        var bars = plot.Add.Bars(top.Select(t => t.Drop).ToArray());
        bars.Horizontal = true;
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = ColorOf(0);
        }
        plot.Axes.Left.SetTicks(Enumerable.Range(0, top.Count).Select(i => (double)i).ToArray(), top.Select(t => t.Name).ToArray());
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
        return plot;
    }

    internal static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set(FigureFont.Name);
        plot.Title(title, size: 18);
        plot.XLabel(x, size: 15);
        plot.YLabel(y, size: 15);
        return plot;
    }

    private static void Save(Plot plot, string folder, string name, List<string> written)
    {
        plot.SavePng(Path.Combine(folder, name), 800, 600);
        written.Add(name);
    }
}
