using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Evaluate;

/// <summary>The Evaluate stage: the model's metrics on the test split, beside the majority-class baseline, and its predictions.</summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(int seed, EvaluateParams parameters, EvaluateRun run)
    {
        var (features, model) = FeatureSet.LoadWithModel(run.Features, run.ModelFolder, seed);
        var (preprocessing, train, test) = (features.Preprocessing, features.Train, features.Test);
        var classes = preprocessing.Classes.Count;
        var probabilities = model.Probabilities(test);
        var predicted = ClassificationMetrics.Predicted(probabilities, classes);
        var confusion = ClassificationMetrics.Confusion(test.Labels, predicted, classes);
        var auc = ClassificationMetrics.Auc(test.Labels, probabilities, classes);
        var majority = train.Labels.GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var result = new EvaluationResult(
            model.Kind, preprocessing.Classes,
            ClassificationMetrics.Accuracy(test.Labels, predicted), ClassificationMetrics.MacroF1(confusion), auc,
            ClassificationMetrics.LogLoss(test.Labels, probabilities, classes),
            test.Labels.Count(l => l == majority) / (double)test.Rows,
            confusion, ClassificationMetrics.PerClass(confusion),
            PermutationImportance.Compute(model, test, preprocessing, auc, seed),
            train.Rows, test.Rows)
        {
            Intervals = parameters.Bootstrap > 0 ? Bootstrap.Intervals(test.Labels, probabilities, classes, parameters.Bootstrap, seed) : [],
            CrossValidation = CrossValidation.Load(run.ModelFolder),
        };
        MetricsDocument.From(result).Write(run.MetricsFile);
        File.WriteAllText(run.PredictionsFile, PredictionsFile.Csv(test.Tracks, preprocessing.Classes, probabilities, withTruth: true));
        var aucInterval = result.Intervals.Count > 0 ? $" ({result.Intervals[2].Low:0.000}-{result.Intervals[2].High:0.000})" : "";
        run.Log($"{model.Kind}: accuracy {result.Accuracy:0.000}, AUC {result.Auc:0.000}{aucInterval}, baseline accuracy {result.BaselineAccuracy:0.000}");
        return result;
    }
}

/// <summary>What Evaluate reads and writes: the features and the model in, the metrics and the test predictions out.</summary>
public sealed record EvaluateRun(FeatureSet.Paths Features, string ModelFolder, string MetricsFile, string PredictionsFile)
{
    public Action<string> Log { get; init; } = _ => { };
}
