namespace Pipeline.Stages.Embed;

/// <summary>
/// Trustworthiness (Venna and Kaski 2001): how far the embedding's k nearest neighbours are from being
/// the input's. 1 is perfect. O(N^2 log N): for checking layouts, not for the pipeline's hot path.
/// </summary>
public static class Trustworthiness
{
    public static double Compute(double[] x, int d, double[] layout, int n, int k)
    {
        double penalty = 0;
        var lockObject = new object();
        Parallel.For(0, n, i =>
        {
            var inputRank = new int[n];
            var byInput = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => RowDistance.Squared(x, d, i, j)).ThenBy(j => j).ToArray();
            for (var r = 0; r < byInput.Length; r++)
            {
                inputRank[byInput[r]] = r + 1;
            }
            var byLayout = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => RowDistance.Squared(layout, 2, i, j)).ThenBy(j => j).Take(k);
            double local = byLayout.Where(j => inputRank[j] > k).Sum(j => inputRank[j] - k);
            lock (lockObject)
            {
                penalty += local;
            }
        });
        return 1 - (2.0 / (n * k * ((2.0 * n) - (3.0 * k) - 1)) * penalty);
    }
}
