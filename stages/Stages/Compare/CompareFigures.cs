using System.Globalization;
using Pipeline.Stages.Report;
using ScottPlot;

namespace Pipeline.Stages.Compare;

/// <summary>
/// Compare's PNGs under reports/compare/, each side in its colour (<see cref="SidePalette"/>): the metrics with their
/// intervals, the ROC curves overlaid (and per person for three or more), the training curves, the per-person bars, the
/// confusion matrices on one scale. File names never carry outside text: sides and people are numbered.
/// </summary>
internal static class CompareFigures
{
    public const string Metrics = "metrics.png";
    public const string Roc = "roc.png";
    public const string Training = "training.png";

    public static string RocOf(int person) => $"roc-person-{person + 1}.png";

    public static string PerPerson(string measure) => $"per-person-{measure}.png";

    public static string ConfusionOf(int side) => $"confusion-{side + 1}.png";

    /// <summary>The measures the per-person bars show, as metrics.json names them.</summary>
    public static readonly string[] Measures = ["precision", "recall", "f1"];

    /// <summary>The headline metrics drawn with their intervals (the others are in the table).</summary>
    private static readonly string[] Drawn = ["auc", "accuracy", "f1_macro"];

    public static void DrawMetrics(CompareData data, string path)
    {
        var plot = Figures.NewPlot("Headline metrics with 95% intervals", "", "");
        var rows = Drawn.Where(m => data.Runs.Any(r => r.Headline.Any(h => h.Name == m))).ToList();
        var n = data.Runs.Count;
        for (var m = 0; m < rows.Count; m++)
        {
            for (var s = 0; s < n; s++)
            {
                if (data.Runs[s].Headline.FirstOrDefault(h => h.Name == rows[m]) is not { } value)
                {
                    continue;
                }
                var y = Row(m, s, n);
                if (value is { Low: { } low, High: { } high })
                {
                    var bar = plot.Add.Line(low, y, high, y);
                    bar.LineColor = SidePalette.ColorOf(s);
                    bar.LineWidth = 3;
                }
                var dot = plot.Add.Marker(value.Value, y, MarkerShape.FilledCircle, 11, SidePalette.ColorOf(s));
                dot.LegendText = m == 0 ? Short(data.Runs[s].Label) : "";
            }
        }
        plot.Axes.Left.SetTicks([.. rows.Select((_, m) => Row(m, (n - 1) / 2.0, n))], [.. rows]);
        plot.ShowLegend(Alignment.LowerRight);
        Save(plot, path, 800, Math.Max(300, 120 + (rows.Count * n * 28)));
    }

    /// <summary>Rows top to bottom: metric m's sides in order, a gap between metrics.</summary>
    private static double Row(int metric, double side, int sides) => -((metric * (sides + 1)) + side);

    public static void DrawRoc(IReadOnlyList<RocLine> lines, string title, string path, int width = 800, int height = 600)
    {
        var plot = Figures.NewPlot(title, "False positive rate", "True positive rate");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        foreach (var line in lines)
        {
            var curve = plot.Add.ScatterLine(line.Fpr, line.Tpr);
            curve.LineWidth = 2;
            curve.Color = SidePalette.ColorOf(line.Side);
            curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"{Short(line.Label)} (AUC {line.Auc:0.000})");
        }
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        Save(plot, path, width, height);
    }

    public static void DrawTraining(CompareData data, string path)
    {
        var plot = Figures.NewPlot("Training: loss (solid) and validation loss (dashed) per epoch", "Epoch", "Cross-entropy loss");
        for (var s = 0; s < data.Runs.Count; s++)
        {
            if (data.Runs[s].History is not { } history)
            {
                continue;
            }
            var epochs = Enumerable.Range(1, history.TrainLoss.Count).Select(e => (double)e).ToArray();
            var train = plot.Add.ScatterLine(epochs, [.. history.TrainLoss]);
            train.Color = SidePalette.ColorOf(s);
            train.LineWidth = 2;
            train.LegendText = Short(data.Runs[s].Label);
            var validation = plot.Add.ScatterLine(epochs, [.. history.ValidationLoss]);
            validation.Color = SidePalette.ColorOf(s);
            validation.LineWidth = 2;
            validation.LinePattern = LinePattern.Dashed;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path, 800, 600);
    }

    /// <summary>One measure for every person: a group of bars per person, a bar per side.</summary>
    public static void DrawPerPerson(CompareData data, IReadOnlyList<string> people, string measure, string path)
    {
        var plot = Figures.NewPlot($"Per person: {measure}", "", measure);
        var n = data.Runs.Count;
        var width = 0.8 / n;
        var bars = new List<Bar>();
        for (var p = 0; p < people.Count; p++)
        {
            for (var s = 0; s < n; s++)
            {
                if (data.Runs[s].Metrics.PerUser.TryGetValue(people[p], out var person))
                {
                    var value = measure switch { "precision" => person.Precision, "recall" => person.Recall, _ => person.F1 };
                    bars.Add(new Bar { Position = p - 0.4 + (width * (s + 0.5)), Value = value, Size = width * 0.9, FillColor = SidePalette.ColorOf(s), LineWidth = 0 });
                }
            }
        }
        plot.Add.Bars(bars);
        for (var s = 0; s < n; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Short(data.Runs[s].Label), FillColor = SidePalette.ColorOf(s) });
        }
        plot.Axes.Bottom.SetTicks([.. people.Select((_, p) => (double)p)], [.. people.Select(Short)]);
        plot.Axes.SetLimits(-0.6, people.Count - 0.4, 0, 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path, 800, 450);
    }

    /// <summary>A side's confusion matrix, each cell shaded by its share of the row (0 to 100% on every side), with its count.</summary>
    public static void DrawConfusion(ComparedRun run, int side, string path)
    {
        var plot = Figures.NewPlot(Short(run.Label), "Predicted", "Liked by");
        plot.Axes.Title.Label.ForeColor = SidePalette.ColorOf(side);
        var classes = run.Metrics.Classes;
        var matrix = run.Metrics.ConfusionMatrix.Matrix;
        var n = classes.Count;
        var shade = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            var total = Math.Max(1, matrix[t].Sum());
            for (var p = 0; p < n; p++)
            {
                shade[t, p] = 1 - ((double)matrix[t][p] / total);
            }
        }
        var heatmap = plot.Add.Heatmap(shade);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                var label = plot.Add.Text(matrix[t][p].ToString("0", CultureInfo.InvariantCulture), p, n - 1 - t);
                label.LabelFontSize = n > 4 ? 12 : 18;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = shade[t, p] < 0.5 ? Colors.White : Colors.Black;
            }
        }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, [.. classes.Select(Short)]);
        plot.Axes.Left.SetTicks(positions, [.. classes.Reverse().Select(Short)]);
        plot.HideGrid();
        Save(plot, path, 420, 400);
    }

    /// <summary>A label short enough for a legend or an axis.</summary>
    public static string Short(string text) => text.Length <= 32 ? text : text[..31] + "…";

    public static void Save(Plot plot, string path, int width, int height) => plot.SavePng(path, width, height);
}
