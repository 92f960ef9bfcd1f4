using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Pipeline.Stages.Train.Models;

/// <summary>A random forest (ML.NET's FastForest), Platt-calibrated; one against all for more than two people.</summary>
public sealed class ForestModel : MlNetModel
{
    public override string Name => "forest";

    protected override IEstimator<ITransformer> Binary(MLContext context, int seed) =>
        context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options { Seed = seed, NumberOfThreads = 1 })
            .Append(context.BinaryClassification.Calibrators.Platt());

    protected override IEstimator<ITransformer> Multiclass(MLContext context, int seed) =>
        context.MulticlassClassification.Trainers.OneVersusAll(context.BinaryClassification.Trainers.FastForest(
            new FastForestBinaryTrainer.Options { Seed = seed, NumberOfThreads = 1 }));
}
