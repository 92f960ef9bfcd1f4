using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train.Models;

/// <summary>Our own MLP (train.mlp), with early stopping on a stratified split of the rows it is given.</summary>
public sealed class MlpModel : IModelKind
{
    public const string KindName = "mlp";

    public string Name => KindName;

    public (IClassifier Model, TrainingHistory? History) Fit(FeatureMatrix rows, TrainParams parameters, int seed, IReadOnlyList<string> featureNames,
        IProgress<double>? progress)
    {
        var (fit, validation) = StratifiedSplit.Split(rows.Tracks.Select(t => t.User).ToArray(), parameters.Mlp.Validation, seed + 1,
            rows.Tracks.Select(t => t.TrackId).ToArray());
        var (network, history) = MlpTrainer.Train(rows.Subset(fit), rows.Subset(validation), parameters.Mlp, seed, progress ?? new Progress<double>());
        return (new MlpClassifier(network, rows.Classes, featureNames), history);
    }

    public IClassifier Load(string directory, int seed) => MlpClassifier.Load(directory);
}
