using System.Globalization;
using System.Text.Json;

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

    public static string FigureTitle(string file) => file switch
    {
        Figures.Roc => "ROC curve",
        Figures.Confusion => "Confusion matrix",
        Figures.Training => "Training and validation loss",
        Figures.Embedding => "Map of the songs",
        Figures.Importance => "Feature importance",
        _ => file,
    };

    public static string EmbeddingLine(JsonElement summary)
    {
        var method = summary.GetProperty("method").GetString() == "pca" ? "PCA" : "t-SNE";
        var kl = summary.GetProperty("kl_divergence");
        var klText = kl.ValueKind == JsonValueKind.Number ? string.Create(CultureInfo.InvariantCulture, $", final KL divergence {kl.GetDouble():0.000}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"The map is a {method} of {summary.GetProperty("n").GetInt32()} songs as the model sees them{klText}: songs close together look alike to the model.");
    }

    public static string MisclassifiedIntro(int shown, int total) => total == 0
        ? "The model placed every test song with the person who liked it."
        : string.Create(CultureInfo.InvariantCulture,
            $"Songs someone liked that sound like someone else's taste: the {shown} most confident of the model's {total} mistakes on the test songs.");
}
