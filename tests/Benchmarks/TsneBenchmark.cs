using System.Diagnostics;
using Pipeline.Stages.Embed;

namespace Pipeline.Benchmarks;

/// <summary>Barnes-Hut t-SNE on a mixture of 4 Gaussians in 5 dimensions, the data scikit-learn's figures were measured on.</summary>
internal static class TsneBenchmark
{
    public static void Run(IEnumerable<int> sizes, Action<string, string, string> print)
    {
        foreach (var n in sizes)
        {
            var x = Mixture(n, seed: 0);
            var clock = Stopwatch.StartNew();
            var result = Tsne.Run(x, n, 5, new TsneOptions(), new Progress<double>());
            print($"t-SNE, {n:N0} points (4 Gaussians, 5-D), 1000 iterations", $"{clock.Elapsed.TotalSeconds:0.00} s", $"KL {result.KlDivergence:0.000}");
        }
    }

    public static double[] Mixture(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n * 5];
        for (var i = 0; i < n; i++)
        {
            var cluster = i % 4;
            for (var k = 0; k < 5; k++)
            {
                var u = 1 - random.NextDouble();
                var gaussian = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
                x[(i * 5) + k] = (k == cluster ? 4.0 : 0.0) + gaussian;
            }
        }
        return x;
    }
}
