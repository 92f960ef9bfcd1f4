using System.Runtime.CompilerServices;

namespace Pipeline.Stages.Embed;

/// <summary>
/// t-SNE (van der Maaten and Hinton 2008), Barnes-Hut accelerated (van der Maaten 2014): sparse
/// perplexity-calibrated affinities, a quadtree for the repulsive forces, gains and momentum, PCA
/// initialisation scaled small. Same input and seed, same layout: every parallel step writes per point
/// and sums in index order.
/// </summary>
public static class Tsne
{
    private const double EarlyExaggeration = 12;
    private const int ExaggerationIterations = 250;

    public static TsneResult Run(double[] x, int n, int d, TsneOptions options, IProgress<double> progress)
    {
        if (n < 4)
        {
            throw new InvalidDataException($"t-SNE needs at least 4 points, got {n}");
        }
        var perplexity = Math.Min(options.Perplexity, (n - 1) / 3.0);
        var exact = options.ForceExact || n < options.ExactBelow;
        var p = exact ? Affinities.All(x, n, d, perplexity) : Affinities.Nearest(x, n, d, perplexity, options.Seed, options.Phases);
        var y = Pca.Project2D(x, n, d);
        var scale = 1e-4 / Math.Max(StandardDeviation(y, 0), 1e-12);
        for (var i = 0; i < y.Length; i++)
        {
            y[i] *= scale;
        }
        var learningRate = Math.Max(n / EarlyExaggeration, 50);
        var update = new double[2 * n];
        var gains = Enumerable.Repeat(1.0, 2 * n).ToArray();
        var gradient = new double[2 * n];
        var forces = new TsneForces(n, options.Theta);
        double z = 1;
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            var early = iteration < ExaggerationIterations;
            z = exact ? forces.Exact(y, p, early ? EarlyExaggeration : 1, gradient) : forces.BarnesHut(y, p, early ? EarlyExaggeration : 1, gradient);
            Step(y, gradient, update, gains, early ? 0.5 : 0.8, learningRate);
            if (iteration % 25 == 24 || iteration == options.Iterations - 1)
            {
                progress.Report((iteration + 1) / (double)options.Iterations);
                options.Phases?.Report(("t-SNE iterations", iteration + 1, options.Iterations));
            }
        }
        z = exact ? forces.Exact(y, p, 1, gradient) : forces.BarnesHut(y, p, 1, gradient);
        return new TsneResult(y, KlDivergence(y, p, z), options.Iterations, exact);
    }

    /// <summary>One gradient step with momentum and per-coordinate gains (Jacobs 1988), as van der Maaten's implementation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Step(double[] y, double[] gradient, double[] update, double[] gains, double momentum, double learningRate)
    {
        for (var i = 0; i < gradient.Length; i++)
        {
            gains[i] = Math.Max(update[i] * gradient[i] < 0 ? gains[i] + 0.2 : gains[i] * 0.8, 0.01);
            update[i] = (momentum * update[i]) - (learningRate * gains[i] * gradient[i]);
            y[i] += update[i];
        }
    }

    /// <summary>KL(P || Q) over the pairs with affinity, Q normalized by Z (exact, or the Barnes-Hut estimate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double KlDivergence(double[] y, Affinities p, double z)
    {
        double kl = 0;
        for (var i = 0; i < p.Rows; i++)
        {
            for (var k = p.RowStart[i]; k < p.RowStart[i + 1]; k++)
            {
                var j = p.Columns[k];
                var dx = y[2 * i] - y[2 * j];
                var dy = y[(2 * i) + 1] - y[(2 * j) + 1];
                var q = 1 / (1 + (dx * dx) + (dy * dy)) / z;
                var pij = p.Values[k];
                kl += pij * Math.Log(Math.Max(pij, 1e-12) / Math.Max(q, 1e-12));
            }
        }
        return kl;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double StandardDeviation(double[] y, int column)
    {
        var n = y.Length / 2;
        double mean = 0, square = 0;
        for (var i = 0; i < n; i++)
        {
            mean += y[(2 * i) + column];
        }
        mean /= n;
        for (var i = 0; i < n; i++)
        {
            var v = y[(2 * i) + column] - mean;
            square += v * v;
        }
        return Math.Sqrt(square / n);
    }
}
