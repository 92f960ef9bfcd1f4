using Microsoft.ML;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train.Models;

/// <summary>
/// An ML.NET trainer as a model kind: binary for two people, multiclass for more, seeded and single-threaded so
/// runs repeat exactly. A new ML.NET kind says only its name and its two estimators.
/// </summary>
public abstract class MlNetModel : IModelKind
{
    public abstract string Name { get; }

    protected abstract IEstimator<ITransformer> Binary(MLContext context, int seed);

    protected abstract IEstimator<ITransformer> Multiclass(MLContext context, int seed);

    public (IClassifier Model, TrainingHistory? History) Fit(FeatureMatrix rows, TrainParams parameters, int seed, IReadOnlyList<string> featureNames,
        IProgress<double>? progress)
    {
        var context = new MLContext(seed);
        var data = MlNetData.Load(context, rows);
        var model = (rows.Classes.Length == 2 ? Binary(context, seed) : Multiclass(context, seed)).Fit(data);
        return (new MlNetClassifier(Name, context, model, data.Schema, rows.Classes, rows.FeatureNames), null);
    }

    public IClassifier Load(string directory, int seed) => MlNetClassifier.Load(directory, seed);
}
