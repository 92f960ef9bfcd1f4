using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Evaluate;

/// <summary>The Evaluate stage: the model's metrics on the test split, beside the majority-class baseline, and its predictions.</summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(int seed, EvaluateParams parameters, FeatureSet.Paths inputs, string modelDir, string metricsPath,
        string predictionsPath, Action<string> log)
    {
        var (features, model) = FeatureSet.LoadWithModel(inputs, modelDir, seed);
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
            CrossValidation = CrossValidation.Load(modelDir),
        };
        MetricsWriter.Write(metricsPath, result);
        File.WriteAllText(predictionsPath, PredictionsWriter.Csv(test.Tracks, preprocessing.Classes, probabilities, withTruth: true));
        var aucInterval = result.Intervals.Count > 0 ? $" ({result.Intervals[2].Low:0.000}-{result.Intervals[2].High:0.000})" : "";
        log($"{model.Kind}: accuracy {result.Accuracy:0.000}, AUC {result.Auc:0.000}{aucInterval}, baseline accuracy {result.BaselineAccuracy:0.000}");
        return result;
    }
}
