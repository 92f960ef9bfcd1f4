namespace Pipeline.Stages.Embed;

/// <summary>
/// t-SNE's input affinities: for each point, a Gaussian over its neighbours whose width gives the wanted
/// perplexity (found by bisection), then symmetrized and normalized to sum to 1. Sparse rows, sorted by column.
/// </summary>
internal sealed record Affinities(int[][] Columns, double[][] Values)
{
    /// <summary>Barnes-Hut: the 3 x perplexity nearest neighbours of each point, from a vantage-point tree.</summary>
    public static Affinities Nearest(double[] x, int n, int d, double perplexity, int seed)
    {
        var k = Math.Min(n - 1, (int)(3 * perplexity) + 1);
        var tree = new VantagePointTree(x, n, d, seed);
        var neighbours = new int[n][];
        var conditional = new double[n][];
        Parallel.For(0, n, i =>
        {
            var (indices, distances) = tree.Nearest(i, k);
            neighbours[i] = indices;
            conditional[i] = Conditional(distances, perplexity);
        });
        return Symmetrize(neighbours, conditional, n);
    }

    /// <summary>Exact: every other point is a neighbour. O(N^2), for small N and for checking the approximation.</summary>
    public static Affinities All(double[] x, int n, int d, double perplexity)
    {
        var neighbours = new int[n][];
        var conditional = new double[n][];
        Parallel.For(0, n, i =>
        {
            var others = Enumerable.Range(0, n).Where(j => j != i).ToArray();
            var distances = others.Select(j => SquaredDistance(x, i, j, d)).ToArray();
            neighbours[i] = others;
            conditional[i] = Conditional(distances, perplexity);
        });
        return Symmetrize(neighbours, conditional, n);
    }

    /// <summary>p(j|i) over the given squared distances, with beta chosen so the entropy is log(perplexity).</summary>
    private static double[] Conditional(double[] distances, double perplexity)
    {
        var target = Math.Log(perplexity);
        double beta = 1, low = double.NegativeInfinity, high = double.PositiveInfinity;
        var p = new double[distances.Length];
        for (var step = 0; step < 200; step++)
        {
            double sum = 0, weighted = 0;
            for (var j = 0; j < distances.Length; j++)
            {
                p[j] = Math.Exp(-distances[j] * beta);
                sum += p[j];
            }
            sum = Math.Max(sum, 1e-300);
            for (var j = 0; j < distances.Length; j++)
            {
                p[j] /= sum;
                weighted += distances[j] * p[j];
            }
            var entropy = Math.Log(sum) + (beta * weighted);
            var gap = entropy - target;
            if (Math.Abs(gap) < 1e-5)
            {
                break;
            }
            if (gap > 0)
            {
                low = beta;
                beta = double.IsPositiveInfinity(high) ? beta * 2 : (beta + high) / 2;
            }
            else
            {
                high = beta;
                beta = double.IsNegativeInfinity(low) ? beta / 2 : (beta + low) / 2;
            }
        }
        return p;
    }

    private static Affinities Symmetrize(int[][] neighbours, double[][] conditional, int n)
    {
        var rows = Enumerable.Range(0, n).Select(_ => new Dictionary<int, double>()).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < neighbours[i].Length; k++)
            {
                var j = neighbours[i][k];
                var p = conditional[i][k];
                rows[i][j] = rows[i].GetValueOrDefault(j) + p;
                rows[j][i] = rows[j].GetValueOrDefault(i) + p;
            }
        }
        var total = rows.Sum(r => r.Values.Sum());
        var columns = new int[n][];
        var values = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var ordered = rows[i].OrderBy(e => e.Key).ToArray();
            columns[i] = ordered.Select(e => e.Key).ToArray();
            values[i] = ordered.Select(e => e.Value / total).ToArray();
        }
        return new Affinities(columns, values);
    }

    private static double SquaredDistance(double[] x, int a, int b, int d)
    {
        double sum = 0;
        for (var k = 0; k < d; k++)
        {
            var diff = x[(a * d) + k] - x[(b * d) + k];
            sum += diff * diff;
        }
        return sum;
    }
}
