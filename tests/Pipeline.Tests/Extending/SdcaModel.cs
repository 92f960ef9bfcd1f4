using Microsoft.ML;

namespace Pipeline.Stages.Train.Models;

/// <summary>Logistic regression by stochastic dual coordinate ascent (ML.NET's SDCA).</summary>
public sealed class SdcaModel : MlNetModel
{
    public override string Name => "sdca";

    protected override IEstimator<ITransformer> Binary(MLContext context, int seed) =>
        context.BinaryClassification.Trainers.SdcaLogisticRegression();

    protected override IEstimator<ITransformer> Multiclass(MLContext context, int seed) =>
        context.MulticlassClassification.Trainers.SdcaMaximumEntropy();
}
