using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train.Models;

/// <summary>
/// A kind of model train.model can name: how to fit it on a feature matrix and how to load it back from
/// models/model/. Every kind is one file and one entry in <see cref="ModelKinds.All"/>.
/// </summary>
public interface IModelKind
{
    /// <summary>The name in params.yaml and in model.json.</summary>
    string Name { get; }

    (IClassifier Model, TrainingHistory? History) Fit(FeatureMatrix rows, TrainParams parameters, int seed, IReadOnlyList<string> featureNames,
        IProgress<double>? progress);

    IClassifier Load(string directory, int seed);
}
