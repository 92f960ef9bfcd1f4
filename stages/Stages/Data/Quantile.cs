namespace Pipeline.Stages.Data;

/// <summary>Quantiles by linear interpolation between order statistics (numpy's default).</summary>
public static class Quantile
{
    /// <param name="sorted">Ascending, not empty.</param>
    public static double Of(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
