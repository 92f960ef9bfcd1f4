namespace Pipeline.Stages.Evaluate;

/// <summary>The metrics of a classifier on labelled rows: probabilities are row-major, rows x classes.</summary>
public static class ClassificationMetrics
{
    public static int[] Predicted(double[] probabilities, int classes) =>
        Enumerable.Range(0, probabilities.Length / classes).Select(r => ArgMax(probabilities.AsSpan(r * classes, classes))).ToArray();

    public static double Accuracy(int[] truth, int[] predicted) => truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;

    public static int[,] Confusion(int[] truth, int[] predicted, int classes)
    {
        var matrix = new int[classes, classes];
        for (var i = 0; i < truth.Length; i++)
        {
            matrix[truth[i], predicted[i]]++;
        }
        return matrix;
    }

    /// <summary>Precision, recall, F1 and support of each class.</summary>
    public static (double Precision, double Recall, double F1, int Support)[] PerClass(int[,] confusion)
    {
        var classes = confusion.GetLength(0);
        var result = new (double, double, double, int)[classes];
        for (var c = 0; c < classes; c++)
        {
            var truePositive = confusion[c, c];
            var predicted = Enumerable.Range(0, classes).Sum(t => confusion[t, c]);
            var support = Enumerable.Range(0, classes).Sum(p => confusion[c, p]);
            var precision = predicted == 0 ? 0 : truePositive / (double)predicted;
            var recall = support == 0 ? 0 : truePositive / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result[c] = (precision, recall, f1, support);
        }
        return result;
    }

    public static double MacroF1(int[,] confusion) => PerClass(confusion).Average(c => c.F1);

    /// <summary>ROC AUC: of the second class for two classes, else the macro average of one-vs-rest AUCs.</summary>
    public static double Auc(int[] truth, double[] probabilities, int classes)
    {
        if (classes == 2)
        {
            return BinaryAuc(truth.Select(t => t == 1).ToArray(), Column(probabilities, classes, 1));
        }
        return Enumerable.Range(0, classes).Average(c => BinaryAuc(truth.Select(t => t == c).ToArray(), Column(probabilities, classes, c)));
    }

    public static double LogLoss(int[] truth, double[] probabilities, int classes) =>
        truth.Select((t, r) => -Math.Log(Math.Clamp(probabilities[(r * classes) + t], 1e-15, 1))).Average();

    /// <summary>Mann-Whitney U, with tied scores sharing their average rank.</summary>
    public static double BinaryAuc(bool[] positive, double[] score)
    {
        var order = Enumerable.Range(0, score.Length).OrderBy(i => score[i]).ToArray();
        var ranks = new double[score.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && score[order[j + 1]] == score[order[i]])
            {
                j++;
            }
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }
            i = j + 1;
        }
        double positives = positive.Count(p => p), negatives = positive.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        var rankSum = ranks.Where((_, i) => positive[i]).Sum();
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    private static double[] Column(double[] probabilities, int classes, int c) =>
        Enumerable.Range(0, probabilities.Length / classes).Select(r => probabilities[(r * classes) + c]).ToArray();

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
