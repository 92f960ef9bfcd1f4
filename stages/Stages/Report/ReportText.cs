using System.Globalization;
using Pipeline.Stages.Embed;

namespace Pipeline.Stages.Report;

/// <summary>Wording shared by the HTML and Markdown reports, written once.</summary>
internal static class ReportText
{
    public const int MisclassifiedRows = 20;

    /// <summary>Signature songs shown per person, and "could be anyone's" songs shown.</summary>
    public const int SignatureRows = 5;

    public const string SignatureIntro =
        "Each person's test songs the model is surest are theirs, and the test songs it is least sure about: they could be anyone's.";

    public static readonly (string Label, string Key)[] Metrics =
    [
        ("Accuracy", "accuracy"),
        ("Majority-class baseline accuracy", "baseline_accuracy"),
        ("F1 (macro)", "f1_macro"),
        ("ROC AUC", "auc"),
        ("Log loss", "log_loss"),
    ];

    public const string TasteIntro =
        "Each person's liked songs as Spotify's audio features describe them: one panel per feature, one curve per person (the share of their songs at each value).";

    public const string MistakesIntroReason =
        "Why: the audio features whose values sit closest to the chosen person's typical value (their median) and furthest from the true person's.";

    public static string IntervalNote(int resamples) => string.Create(CultureInfo.InvariantCulture,
        $"The intervals come from {resamples:N0} stratified bootstrap resamples of the test songs: a change smaller than they are wide may be luck (MetricsDiff says \"within noise\").");

    public static string CrossValidationIntro(int folds, bool choice) => choice
        ? string.Create(CultureInfo.InvariantCulture, $"train.model is auto: each trainer was cross-validated ({folds} folds of the training songs, whole songs per fold) and the one with the best mean AUC was trained on all of them (a tie goes to the simpler).")
        : string.Create(CultureInfo.InvariantCulture, $"Cross-validated on the training songs ({folds} folds, whole songs per fold), beside the held-out test above:");

    public static string FigureTitle(string file) => file switch
    {
        Figures.Taste => "Taste profiles: each feature's distribution per person",
        Figures.Radar => "Average of each 0-1 feature",
        Figures.Roc => "ROC curve",
        Figures.Confusion => "Confusion matrix",
        Figures.Training => "Training and validation loss",
        Figures.Embedding => "Map of the songs",
        Figures.Importance => "Feature importance",
        _ => file,
    };

    public static string EmbeddingLine(EmbeddingSummary summary)
    {
        var method = Embed.Methods.EmbedMethods.Find(summary.Method).Label;
        var klText = summary.KlDivergence is { } kl ? string.Create(CultureInfo.InvariantCulture, $", final KL divergence {kl:0.000}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"The map is a {method} of {summary.N:N0} songs as the model sees them{klText}: songs close together look alike to the model.");
    }

    /// <summary>"312 songs (32%) look exactly the same to the model...", when that many share one spot; else null.</summary>
    public static string? IdenticalNote(int largest, int songs) => songs == 0 || largest < Math.Max(10, 0.02 * songs) ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"{largest:N0} songs ({100.0 * largest / songs:0}%) look exactly the same to the model: every hidden unit gives them the same value (with ReLU units, often zero), so they sit on one spot of the map and get the same answer. More units or another seed usually spreads them out.");

    /// <summary>"The interactive map shows 20,000 of 40,000 songs...", when it is thinned; else null.</summary>
    public static string? ThinnedNote(int shown, int songs) => shown >= songs ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"The interactive map shows {shown:N0} of the {songs:N0} songs (every test song and an even sample of the training songs), to keep this page small; the PNG in report.md shows all of them.");

    public static string MisclassifiedIntro(int shown, int total) => total == 0
        ? "The model placed every test song with the person who liked it."
        : string.Create(CultureInfo.InvariantCulture,
            $"Songs someone liked that sound like someone else's taste: the {shown} most confident of the model's {total} mistakes on the test songs.");
}
