namespace Pipeline.Stages.Evaluate;

/// <summary>
/// 95% intervals for the headline metrics from a stratified bootstrap of the test set: each resample draws, per
/// person, as many of their test songs as they have, with replacement; the interval is the 2.5th to 97.5th
/// percentile over the resamples. Resample b uses its own seeded generator, so the resamples run in parallel and
/// the intervals are the same on every run.
/// </summary>
public static class Bootstrap
{
    public static readonly string[] Metrics = ["accuracy", "f1_macro", "auc", "log_loss"];

    /// <returns>Per metric in <see cref="Metrics"/>' order, (low, high).</returns>
    public static (double Low, double High)[] Intervals(int[] labels, double[] probabilities, int classes, int resamples, int seed)
    {
        var strata = Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, labels.Length).Where(r => labels[r] == c).ToArray()).Where(s => s.Length > 0).ToArray();
        var values = new double[Metrics.Length][];
        for (var m = 0; m < Metrics.Length; m++)
        {
            values[m] = new double[resamples];
        }
        Parallel.For(0, resamples, b =>
        {
            // Not HashCode.Combine: its hashes change from process to process.
            var random = new Random(unchecked((seed * 1_000_003) + (b * 7_919) + 17));
            var rows = strata.SelectMany(s => Enumerable.Range(0, s.Length).Select(_ => s[random.Next(s.Length)])).ToArray();
            var truth = rows.Select(r => labels[r]).ToArray();
            var p = new double[rows.Length * classes];
            for (var i = 0; i < rows.Length; i++)
            {
                Array.Copy(probabilities, rows[i] * classes, p, i * classes, classes);
            }
            var predicted = ClassificationMetrics.Predicted(p, classes);
            values[0][b] = ClassificationMetrics.Accuracy(truth, predicted);
            values[1][b] = ClassificationMetrics.MacroF1(ClassificationMetrics.Confusion(truth, predicted, classes));
            values[2][b] = ClassificationMetrics.Auc(truth, p, classes);
            values[3][b] = ClassificationMetrics.LogLoss(truth, p, classes);
        });
        return [.. values.Select(v => (Percentile(v, 0.025), Percentile(v, 0.975)))];
    }

    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        return Data.Quantile.Of(sorted, q);
    }
}
