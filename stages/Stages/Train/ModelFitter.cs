using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train;

/// <summary>Fits one trainer on a feature matrix: the MLP (with its early-stopping split of the rows it is given) or an ML.NET trainer.</summary>
public static class ModelFitter
{
    /// <summary>The trainers auto compares, simplest first: a tie goes to the earlier one.</summary>
    public static IReadOnlyList<string> Trainers { get; } = ["logistic", "mlp", "forest", "lightgbm"];

    public static (IClassifier Model, TrainingHistory? History) Fit(string kind, FeatureMatrix rows, TrainParams parameters, int seed,
        IReadOnlyList<string> featureNames, IProgress<double>? progress = null)
    {
        if (kind != "mlp")
        {
            return (MlNetTrainer.Train(kind, rows, seed), null);
        }
        var (fit, validation) = StratifiedSplit.Split(rows.Tracks.Select(t => t.User).ToArray(), parameters.Mlp.Validation, seed + 1,
            rows.Tracks.Select(t => t.TrackId).ToArray());
        var (network, history) = MlpTrainer.Train(rows.Subset(fit), rows.Subset(validation), parameters.Mlp, seed, progress ?? new Progress<double>());
        return (new MlpClassifier(network, rows.Classes, featureNames), history);
    }
}
