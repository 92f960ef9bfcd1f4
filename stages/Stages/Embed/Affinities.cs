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
    public static Affinities Nearest(double[] x, int n, int d, double perplexity, int seed, IProgress<(string Phase, long Done, long Total)>? phases = null)
    {
        const string phase = "nearest neighbours";
        var k = Math.Min(n - 1, (int)(3 * perplexity) + 1);
        phases?.Report((phase, 0, n));
        var tree = new VantagePointTree(x, n, d, seed);
        var neighbours = new int[n][];
        var conditional = new double[n][];
        long found = 0;
        Parallel.For(0, n, i =>
        {
            var (indices, distances) = tree.Nearest(i, k);
            neighbours[i] = indices;
            conditional[i] = Conditional(distances, perplexity);
            var done = Interlocked.Increment(ref found);
            if (done % 1000 == 0 || done == n)
            {
                phases?.Report((phase, done, n));
            }
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

    /// <summary>
    /// P = (P + P^T) / sum. Row i of P^T lists the points that have i as a neighbour; built by counting, it comes
    /// out sorted, so each symmetric row is a merge of two sorted rows. Linear, and parallel over rows.
    /// </summary>
    private static Affinities Symmetrize(int[][] neighbours, double[][] conditional, int n)
    {
        Parallel.For(0, n, i => Array.Sort(neighbours[i], conditional[i]));
        var transposeStart = new int[n + 1];
        foreach (var row in neighbours)
        {
            foreach (var j in row)
            {
                transposeStart[j + 1]++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            transposeStart[i + 1] += transposeStart[i];
        }
        var transposeColumns = new int[transposeStart[n]];
        var transposeValues = new double[transposeStart[n]];
        var next = transposeStart[..n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < neighbours[i].Length; k++)
            {
                var at = next[neighbours[i][k]]++;
                (transposeColumns[at], transposeValues[at]) = (i, conditional[i][k]);
            }
        }
        var transpose = new Affinities(transposeStart, transposeColumns, transposeValues);
        var rows = new (int[] Columns, double[] Values)[n];
        Parallel.For(0, n, i => rows[i] = Merge(neighbours[i], conditional[i], transpose, i));
        var rowStart = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + rows[i].Columns.Length;
        }
        var columns = new int[rowStart[n]];
        var values = new double[rowStart[n]];
        for (var i = 0; i < n; i++)
        {
            rows[i].Columns.CopyTo(columns, rowStart[i]);
            rows[i].Values.CopyTo(values, rowStart[i]);
        }
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }
        for (var e = 0; e < values.Length; e++)
        {
            values[e] /= total;
        }
        return new Affinities(rowStart, columns, values);
    }

    /// <summary>Row i of P merged with row i of P^T, summed where both have a column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Columns, double[] Values) Merge(int[] columns, double[] values, Affinities transpose, int i)
    {
        var (a, b, end) = (0, transpose.RowStart[i], transpose.RowStart[i + 1]);
        var mergedColumns = new List<int>(columns.Length + end - b);
        var mergedValues = new List<double>(columns.Length + end - b);
        while (a < columns.Length || b < end)
        {
            var column = b == end || (a < columns.Length && columns[a] < transpose.Columns[b]) ? columns[a] : transpose.Columns[b];
            var value = 0.0;
            if (a < columns.Length && columns[a] == column)
            {
                value += values[a++];
            }
            if (b < end && transpose.Columns[b] == column)
            {
                value += transpose.Values[b++];
            }
            mergedColumns.Add(column);
            mergedValues.Add(value);
        }
        return ([.. mergedColumns], [.. mergedValues]);
    }
}
