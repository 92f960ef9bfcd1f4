using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train;

/// <summary>The Train stage: fit the configured model on the training matrix and save it in models/model/.</summary>
public static class Trainer
{
    /// <summary>The share of the training rows held out (stratified, seeded) for the MLP's early stopping.</summary>
    public static void Train(int seed, TrainParams parameters, string featuresDir, string preprocessingPath, string modelDir,
        IProgress<double> progress, Action<string> log)
    {
        var preprocessing = Preprocessing.Load(preprocessingPath);
        var train = FeatureMatrix.Load(Path.Combine(featuresDir, FeatureBuilder.TrainFile), preprocessing.Classes);
        Directory.CreateDirectory(modelDir);
        if (parameters.Model != "mlp")
        {
            MlNetTrainer.Train(parameters.Model, train, seed).Save(modelDir);
            log($"{parameters.Model}: trained on {train.Rows} rows, {train.Columns} features");
            progress.Report(1);
            return;
        }
        var (fit, validation) = StratifiedSplit.Split(train.Tracks.Select(t => t.User).ToArray(), parameters.Mlp.Validation, seed + 1);
        var (network, history) = MlpTrainer.Train(train.Subset(fit), train.Subset(validation), parameters.Mlp, seed, progress);
        new MlpClassifier(network, preprocessing.Classes, preprocessing.FeatureNames).Save(modelDir);
        ModelStore.SaveHistory(modelDir, history);
        log($"mlp: {history.TrainLoss.Count} epochs{(history.StoppedEarly ? " (stopped early)" : "")}, best epoch {history.BestEpoch}, "
            + $"validation loss {history.ValidationLoss[history.BestEpoch - 1]:0.0000}");
    }
}
