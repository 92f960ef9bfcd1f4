using System.Runtime.CompilerServices;
namespace Pipeline.Stages.Embed;

/// <summary>
/// t-SNE's input affinities: for each point, a Gaussian over its neighbours whose width gives the wanted
/// perplexity (found by bisection), then symmetrized and normalized to sum to 1. Compressed sparse rows
/// (row i is Columns/Values[RowStart[i]..RowStart[i+1]]), sorted by column: one contiguous pass per iteration.
/// </summary>
internal sealed record Affinities(int[] RowStart, int[] Columns, double[] Values)
{
    public int Rows => RowStart.Length - 1;

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
            var distances = others.Select(j => RowDistance.Squared(x, d, i, j)).ToArray();
            neighbours[i] = others;
            conditional[i] = Conditional(distances, perplexity);
        });
        return Symmetrize(neighbours, conditional, n);
    }

    /// <summary>p(j|i) over the given squared distances, with beta chosen so the entropy is log(perplexity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>P = (P + P^T) / sum, built by sorting (row, column) keys: no per-row dictionaries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Affinities Symmetrize(int[][] neighbours, double[][] conditional, int n)
    {
        var count = neighbours.Sum(r => r.Length) * 2;
        var keys = new long[count];
        var values = new double[count];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < neighbours[i].Length; k++)
            {
                var j = neighbours[i][k];
                (keys[at], values[at++]) = (((long)i * n) + j, conditional[i][k]);
                (keys[at], values[at++]) = (((long)j * n) + i, conditional[i][k]);
            }
        }
        Array.Sort(keys, values);
        var rowStart = new int[n + 1];
        var columns = new List<int>(count);
        var merged = new List<double>(count);
        double total = 0;
        for (var e = 0; e < count; e++)
        {
            total += values[e];
            if (e > 0 && keys[e] == keys[e - 1])
            {
                merged[^1] += values[e];
                continue;
            }
            var row = (int)(keys[e] / n);
            rowStart[row + 1]++;
            columns.Add((int)(keys[e] % n));
            merged.Add(values[e]);
        }
        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        return new Affinities(rowStart, [.. columns], merged.Select(v => v / total).ToArray());
    }
}
