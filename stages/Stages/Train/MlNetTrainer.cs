using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Train;

/// <summary>The ML.NET alternatives, binary for two people and multiclass for more, seeded and single-threaded so runs repeat exactly.</summary>
public static class MlNetTrainer
{
    public static MlNetClassifier Train(string kind, FeatureMatrix train, int seed)
    {
        var context = new MLContext(seed);
        var data = MlNetData.Load(context, train);
        var estimator = train.Classes.Length == 2 ? Binary(context, kind, seed) : Multiclass(context, kind, seed);
        var model = estimator.Fit(data);
        return new MlNetClassifier(kind, context, model, data.Schema, train.Classes, train.FeatureNames);
    }

    private static IEstimator<ITransformer> Binary(MLContext context, string kind, int seed) => kind switch
    {
        "lightgbm" => context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            Seed = seed, NumberOfThreads = 1, Deterministic = true, Silent = true,
        }),
        "logistic" => context.BinaryClassification.Trainers.LbfgsLogisticRegression(),
        "forest" => context.BinaryClassification.Trainers.FastForest(new Microsoft.ML.Trainers.FastTree.FastForestBinaryTrainer.Options
        {
            Seed = seed, NumberOfThreads = 1,
        }).Append(context.BinaryClassification.Calibrators.Platt()),
        _ => throw new ArgumentException($"unknown model '{kind}'", nameof(kind)),
    };

    private static IEstimator<ITransformer> Multiclass(MLContext context, string kind, int seed) => kind switch
    {
        "lightgbm" => context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            Seed = seed, NumberOfThreads = 1, Deterministic = true, Silent = true,
        }),
        "logistic" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
        "forest" => context.MulticlassClassification.Trainers.OneVersusAll(context.BinaryClassification.Trainers.FastForest(
            new Microsoft.ML.Trainers.FastTree.FastForestBinaryTrainer.Options { Seed = seed, NumberOfThreads = 1 })),
        _ => throw new ArgumentException($"unknown model '{kind}'", nameof(kind)),
    };
}
