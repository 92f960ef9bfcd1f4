using System.Globalization;

namespace Pipeline.Stages.Compare;

/// <summary>Compare's sentences, the same in compare.md and compare.html.</summary>
internal static class CompareText
{
    public const string MetricsIntro =
        "Each value with its 95% bootstrap interval; on the later sides, the change from side 1, \"within noise\" when each value lies inside the other's interval (a change luck alone could make).";

    public const string NoHistory = "No side's model keeps a training history (only the MLP trains epoch by epoch).";

    public const string ConfusionIntro = "Each cell is shaded by its share of the person's test songs, on one scale for every side; the number is the count.";

    public const string MapsIntro = "Each side's map of what its model sees, the same people in the same colours.";

    public const string MapsHtmlIntro = "Each side's map of what its model sees, the same people in the same colours. Click a map to open it interactive: hover a point to see the song.";

    public static string ThinnedNote(int shown, int songs) => shown >= songs ? ""
        : string.Create(CultureInfo.InvariantCulture, $"The interactive map shows {shown:N0} of the {songs:N0} songs (every test song first), to keep this page small; the thumbnail shows them all.");

    public static string SweepIntro(SweepView sweep, int shown) => string.Create(CultureInfo.InvariantCulture,
        $"{sweep.Points.Count} point(s) by {sweep.Metric}, {(sweep.LowerIsBetter ? "lowest" : "highest")} first, each with its 95% interval; \"within noise\" of the best when each value lies inside the other's interval. The sections above show {(shown < sweep.Points.Count ? $"the best {shown}" : "every point")}.");

    public static string FigureTitle(string name) => name switch
    {
        CompareFigures.Metrics => "Headline metrics with intervals",
        CompareFigures.Roc => "ROC curves",
        CompareFigures.Training => "Training curves",
        SweepFigures.Parallel => "Parallel coordinates of the sweep",
        _ when name.StartsWith("roc-person-", StringComparison.Ordinal) => "ROC of one person against the rest",
        _ when name.StartsWith("per-person-", StringComparison.Ordinal) => "Per person: " + name["per-person-".Length..^4],
        _ when name.StartsWith("confusion-", StringComparison.Ordinal) => "Confusion matrix of side " + name["confusion-".Length..^4],
        _ when name.StartsWith("map-", StringComparison.Ordinal) => "Map of side " + name["map-".Length..^4],
        _ when name.StartsWith("sweep-param-", StringComparison.Ordinal) => "A swept param against the metric",
        _ => name,
    };
}
