using Microsoft.ML;

namespace Pipeline.Stages.Train.Models;

/// <summary>Logistic regression (L-BFGS); maximum entropy for more than two people.</summary>
public sealed class LogisticModel : MlNetModel
{
    public override string Name => "logistic";

    protected override IEstimator<ITransformer> Binary(MLContext context, int seed) => context.BinaryClassification.Trainers.LbfgsLogisticRegression();

    protected override IEstimator<ITransformer> Multiclass(MLContext context, int seed) => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy();
}
