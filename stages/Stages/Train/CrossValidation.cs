using System.Diagnostics;
using Pipeline.Stages.Data;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train;

/// <summary>
/// Stratified, seeded k-fold cross-validation on the training rows (whole tracks per fold): each fold's model is
/// fitted on the other folds and scored on it; the folds run in parallel. The mean and standard deviation of
/// AUC and accuracy go to models/model/cv.json, which Evaluate copies into metrics.json.
/// </summary>
public static class CrossValidation
{
    public const string File = "cv.json";

    public static CvScore Run(string kind, FeatureMatrix train, TrainParams parameters, int seed, IReadOnlyList<string> featureNames, int folds)
    {
        var fold = StratifiedSplit.Folds(train.Tracks.Select(t => t.User).ToArray(), folds, seed + 2, train.Tracks.Select(t => t.TrackId).ToArray());
        var auc = new double[folds];
        var accuracy = new double[folds];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, folds, k =>
        {
            var fit = Enumerable.Range(0, train.Rows).Where(r => fold[r] != k).ToArray();
            var held = train.Subset(Enumerable.Range(0, train.Rows).Where(r => fold[r] == k).ToArray());
            var (model, _) = Models.ModelKinds.Find(kind).Fit(train.Subset(fit), parameters, seed, featureNames, null);
            var probabilities = model.Probabilities(held);
            auc[k] = ClassificationMetrics.Auc(held.Labels, probabilities, train.Classes.Length);
            accuracy[k] = ClassificationMetrics.Accuracy(held.Labels, ClassificationMetrics.Predicted(probabilities, train.Classes.Length));
        });
        return new CvScore(kind, folds, auc.Average(), Spread(auc), accuracy.Average(), Spread(accuracy), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The best by mean AUC (rounded to 4 decimals, as reported), a tie going to the simpler trainer.</summary>
    public static CvScore Best(IReadOnlyList<CvScore> scores) => scores
        .OrderByDescending(s => Math.Round(s.AucMean, 4)).ThenBy(s => Models.ModelKinds.Names.ToList().IndexOf(s.Model)).First();

    public static void Save(string modelDir, IReadOnlyList<CvScore> scores, string chosen) =>
        StableJson.Write(Path.Combine(modelDir, File), new CvRecord(chosen, [.. scores.Select(s => s with { Seconds = 0 })]));

    public static CvRecord? Load(string modelDir)
    {
        var path = Path.Combine(modelDir, File);
        return System.IO.File.Exists(path) ? StableJson.Read<CvRecord>(path) : null;
    }


    private static double Spread(double[] values)
    {
        var mean = values.Average();
        return values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}

/// <summary>One trainer's cross-validated scores: mean and standard deviation over the folds. Seconds is for the log only.</summary>
public sealed record CvScore(string Model, int Folds, double AucMean, double AucSd, double AccuracyMean, double AccuracySd,
    [property: System.Text.Json.Serialization.JsonIgnore] double Seconds);

/// <summary>models/model/cv.json: the trainer trained, and every trainer's cross-validated scores (no durations: byte-stable).</summary>
public sealed record CvRecord(string Chosen, IReadOnlyList<CvScore> Scores);
