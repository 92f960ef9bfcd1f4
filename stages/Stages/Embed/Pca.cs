using System.Runtime.CompilerServices;

namespace Pipeline.Stages.Embed;

/// <summary>The first principal components by power iteration on the covariance matrix (the inputs have few columns).</summary>
public static class Pca
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Project2D(double[] x, int n, int d)
    {
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                mean[k] += x[(i * d) + k] / n;
            }
        }
        var covariance = new double[d, d];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < d; a++)
            {
                var va = x[(i * d) + a] - mean[a];
                for (var b = a; b < d; b++)
                {
                    covariance[a, b] += va * (x[(i * d) + b] - mean[b]);
                }
            }
        }
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < a; b++)
            {
                covariance[a, b] = covariance[b, a];
            }
        }
        var first = Dominant(covariance, d, null);
        var second = Dominant(covariance, d, first);
        var projected = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                var v = x[(i * d) + k] - mean[k];
                projected[2 * i] += v * first[k];
                projected[(2 * i) + 1] += v * (second?[k] ?? 0);
            }
        }
        return projected;
    }

    /// <summary>The dominant eigenvector, orthogonal to <paramref name="exclude"/>; its largest entry is made positive so the sign is stable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Dominant(double[,] matrix, int d, double[]? exclude)
    {
        var v = Enumerable.Range(0, d).Select(k => 1.0 + (k * 0.01)).ToArray();
        for (var step = 0; step < 500; step++)
        {
            if (exclude is not null)
            {
                var dot = v.Zip(exclude).Sum(p => p.First * p.Second);
                for (var k = 0; k < d; k++)
                {
                    v[k] -= dot * exclude[k];
                }
            }
            var next = new double[d];
            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < d; b++)
                {
                    next[a] += matrix[a, b] * v[b];
                }
            }
            var norm = Math.Sqrt(next.Sum(e => e * e));
            if (norm < 1e-300)
            {
                return new double[d];
            }
            v = next.Select(e => e / norm).ToArray();
        }
        var largest = v.MaxBy(Math.Abs);
        return largest < 0 ? v.Select(e => -e).ToArray() : v;
    }
}
