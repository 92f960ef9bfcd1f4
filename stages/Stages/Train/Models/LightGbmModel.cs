using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Stages.Train.Models;

/// <summary>Gradient-boosted trees (ML.NET's LightGBM).</summary>
public sealed class LightGbmModel : MlNetModel
{
    public override string Name => "lightgbm";

    protected override IEstimator<ITransformer> Binary(MLContext context, int seed) =>
        context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Seed = seed, NumberOfThreads = 1, Deterministic = true, Silent = true });

    protected override IEstimator<ITransformer> Multiclass(MLContext context, int seed) =>
        context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { Seed = seed, NumberOfThreads = 1, Deterministic = true, Silent = true });
}
