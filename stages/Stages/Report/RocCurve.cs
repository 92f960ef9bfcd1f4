namespace Pipeline.Stages.Report;

/// <summary>ROC curve points (false positive rate, true positive rate) of one class against the rest.</summary>
public static class RocCurve
{
    public static (double[] Fpr, double[] Tpr) For(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ThenBy(i => i).ToArray();
        double positives = positive.Count(p => p), negatives = positive.Count - positives;
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        double tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (positive[order[k]])
            {
                tp++;
            }
            else
            {
                fp++;
            }
            if (k == order.Length - 1 || score[order[k + 1]] != score[order[k]])
            {
                fpr.Add(negatives == 0 ? 0 : fp / negatives);
                tpr.Add(positives == 0 ? 0 : tp / positives);
            }
        }
        return ([.. fpr], [.. tpr]);
    }
}
