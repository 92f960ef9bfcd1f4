using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train;

/// <summary>The Train stage: fit the configured model on the training matrix and save it in models/model/.</summary>
public static class Trainer
{
    /// <summary>Cross-validates (every trainer for auto), then fits the chosen trainer on all the training rows.</summary>
    public static void Train(int seed, TrainParams parameters, FeatureSet.Paths inputs, string modelDir, IProgress<double> progress, Action<string> log)
    {
        var features = FeatureSet.Load(inputs, withTest: false);
        var (preprocessing, train) = (features.Preprocessing, features.Train);
        Directory.CreateDirectory(modelDir);
        var kind = parameters.Model;
        var scores = new List<CvScore>();
        if (parameters.CvFolds >= 2)
        {
            foreach (var trainer in kind == Models.ModelKinds.Auto ? Models.ModelKinds.Names : [kind])
            {
                var score = CrossValidation.Run(trainer, train, parameters, seed, preprocessing.FeatureNames, parameters.CvFolds);
                scores.Add(score);
                log($"{trainer}: {parameters.CvFolds}-fold cross-validated AUC {score.AucMean:0.000} ± {score.AucSd:0.000}, accuracy {score.AccuracyMean:0.000} ({score.Seconds:0.0} s)");
            }
            if (kind == Models.ModelKinds.Auto)
            {
                kind = CrossValidation.Best(scores).Model;
                log($"auto: {kind} has the best cross-validated AUC; training it on all {train.Rows} training rows");
            }
        }
        var (model, history) = Models.ModelKinds.Find(kind).Fit(train, parameters, seed, preprocessing.FeatureNames, progress);
        model.Save(modelDir);
        if (scores.Count > 0)
        {
            CrossValidation.Save(modelDir, scores, kind);
        }
        if (history is null)
        {
            log($"{kind}: trained on {train.Rows} rows, {train.Columns} features");
            progress.Report(1);
            return;
        }
        ModelStore.SaveHistory(modelDir, history);
        log($"mlp: {history.TrainLoss.Count} epochs{(history.StoppedEarly ? " (stopped early)" : "")}, best epoch {history.BestEpoch}, "
            + $"validation loss {history.ValidationLoss[history.BestEpoch - 1]:0.0000}");
    }
}
