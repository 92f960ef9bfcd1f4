using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train.Models;

namespace Pipeline.Stages.Train;

/// <summary>Fits one model kind on a feature matrix, found by name in <see cref="ModelKinds"/>.</summary>
public static class ModelFitter
{
    /// <summary>The kinds auto compares, simplest first: a tie goes to the earlier one.</summary>
    public static IReadOnlyList<string> Trainers => ModelKinds.Names;

    public static (IClassifier Model, TrainingHistory? History) Fit(string kind, FeatureMatrix rows, TrainParams parameters, int seed,
        IReadOnlyList<string> featureNames, IProgress<double>? progress = null) =>
        ModelKinds.Find(kind).Fit(rows, parameters, seed, featureNames, progress);
}
