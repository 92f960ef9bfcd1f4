using System.Text.Json.Serialization;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Evaluate;

/// <summary>
/// reports/metrics.json, written by Evaluate and read by Report through this one type: keys in a fixed order,
/// numbers rounded to 4 decimals, nothing that varies between identical runs. An interval is [low, high].
/// </summary>
public sealed record MetricsDocument
{
    public const int Decimals = 4;

    public required double Accuracy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? AccuracyCi { get; init; }

    public required double F1Macro { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? F1MacroCi { get; init; }

    public required double Auc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? AucCi { get; init; }

    public required double LogLoss { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? LogLossCi { get; init; }

    public required double BaselineAccuracy { get; init; }

    public required ConfusionDocument ConfusionMatrix { get; init; }

    /// <summary>Per person, in the classes' order.</summary>
    public required Dictionary<string, PersonMetrics> PerUser { get; init; }

    /// <summary>The AUC lost when a feature is shuffled, largest first.</summary>
    public required IReadOnlyList<FeatureDrop> FeatureImportance { get; init; }

    /// <summary>The trained model's cross-validated scores, when Train cross-validated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CvDocument? Cv { get; init; }

    /// <summary>With train.model: auto, every trainer's cross-validated AUC and which was chosen.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ModelChoice>? ModelChoice { get; init; }

    public required string Model { get; init; }

    public required RowCounts Rows { get; init; }

    /// <summary>The people, in the model's order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Classes => ConfusionMatrix.Labels;

    /// <summary>The headline metrics by their key, each with its interval or null: what the cards and MetricsDiff show.</summary>
    public (double Value, double[]? Interval) Headline(string key) => key switch
    {
        "accuracy" => (Accuracy, AccuracyCi),
        "f1_macro" => (F1Macro, F1MacroCi),
        "auc" => (Auc, AucCi),
        "log_loss" => (LogLoss, LogLossCi),
        "baseline_accuracy" => (BaselineAccuracy, null),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a headline metric"),
    };

    public static MetricsDocument From(EvaluationResult result)
    {
        double[]? Ci(int m) => result.Intervals.Count == 0 ? null : [Round(result.Intervals[m].Low), Round(result.Intervals[m].High)];
        var cv = result.CrossValidation;
        var chosen = cv?.Scores.First(s => s.Model == cv.Chosen);
        var classes = result.Classes.Count;
        return new MetricsDocument
        {
            Accuracy = Round(result.Accuracy),
            AccuracyCi = Ci(0),
            F1Macro = Round(result.F1Macro),
            F1MacroCi = Ci(1),
            Auc = Round(result.Auc),
            AucCi = Ci(2),
            LogLoss = Round(result.LogLoss),
            LogLossCi = Ci(3),
            BaselineAccuracy = Round(result.BaselineAccuracy),
            ConfusionMatrix = new ConfusionDocument([.. result.Classes],
                [.. Enumerable.Range(0, classes).Select(t => Enumerable.Range(0, classes).Select(p => result.Confusion[t, p]).ToArray())]),
            PerUser = result.Classes.Select((c, i) => (c, p: result.PerUser[i]))
                .ToDictionary(x => x.c, x => new PersonMetrics(Round(x.p.Precision), Round(x.p.Recall), Round(x.p.F1), x.p.Support), StringComparer.Ordinal),
            FeatureImportance = [.. result.Importance.Select(i => new FeatureDrop(i.Feature, Round(i.AucDrop)))],
            Cv = chosen is null ? null
                : new CvDocument(chosen.Folds, Round(chosen.AucMean), Round(chosen.AucSd), Round(chosen.AccuracyMean), Round(chosen.AccuracySd)),
            ModelChoice = cv is null || cv.Scores.Count < 2 ? null
                : [.. cv.Scores.Select(s => new ModelChoice(s.Model, Round(s.AucMean), Round(s.AucSd), s.Model == cv.Chosen))],
            Model = result.Model,
            Rows = new RowCounts(result.TrainRows, result.TestRows),
        };
    }

    public void Write(string path) => StableJson.Write(path, this);

    public static MetricsDocument Read(string path) =>
        StableJson.Read<MetricsDocument>(path) ?? throw new InvalidDataException($"{path}: empty metrics file");

    /// <summary>4 decimals, halves away from zero, and never "-0".</summary>
    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0;
}

public sealed record ConfusionDocument(IReadOnlyList<string> Labels, IReadOnlyList<int[]> Matrix);

public sealed record PersonMetrics(double Precision, double Recall, double F1, int Support);

public sealed record FeatureDrop(string Feature, double AucDrop);

public sealed record CvDocument(int Folds, double AucMean, double AucSd, double AccuracyMean, double AccuracySd);

public sealed record ModelChoice(string Model, double AucMean, double AucSd, bool Chosen);

public sealed record RowCounts(int Train, int Test);
