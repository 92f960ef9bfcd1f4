using Pipeline.Stages.Embed;

namespace Pipeline.Tests.Stages;

/// <summary>The parts under t-SNE: nearest neighbours, symmetric affinities, and the Barnes-Hut gradient against the exact one.</summary>
public sealed class BarnesHutTests
{
    [Fact]
    public void The_vantage_point_tree_finds_the_same_neighbours_as_brute_force()
    {
        var x = TsneTests.Mixture(500, seed: 6);
        var tree = new VantagePointTree(x, 500, 5, seed: 1);

        for (var query = 0; query < 500; query += 7)
        {
            var (indices, distances) = tree.Nearest(query, 20);

            var expected = Enumerable.Range(0, 500).Where(j => j != query)
                .OrderBy(j => RowDistance.Squared(x, 5, query, j)).Take(20).ToArray();
            Assert.Equal(expected, indices);
            Assert.Equal(expected.Select(j => RowDistance.Squared(x, 5, query, j)), distances, new Tolerance(1e-9));
        }
    }

    [Fact]
    public void Nearest_neighbour_affinities_are_symmetric_sorted_and_sum_to_one()
    {
        var x = TsneTests.Mixture(400, seed: 7);

        var p = Affinities.Nearest(x, 400, 5, perplexity: 10, seed: 1);

        var entries = new Dictionary<(int, int), double>();
        for (var i = 0; i < p.Rows; i++)
        {
            var row = p.Columns[p.RowStart[i]..p.RowStart[i + 1]];
            Assert.Equal(row.Order(), row);
            Assert.DoesNotContain(i, row);
            for (var k = p.RowStart[i]; k < p.RowStart[i + 1]; k++)
            {
                entries[(i, p.Columns[k])] = p.Values[k];
            }
        }
        Assert.All(entries, e => Assert.Equal(e.Value, entries[(e.Key.Item2, e.Key.Item1)], 15));
        Assert.Equal(1.0, p.Values.Sum(), 9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_barnes_hut_gradient_is_close_to_the_exact_one(bool duplicates)
    {
        const int n = 1500;
        var x = TsneTests.Mixture(n, seed: 8);
        var p = Affinities.Nearest(x, n, 5, perplexity: 30, seed: 1);
        var y = Layout(n, seed: 9, duplicates);
        var (exact, approximate) = (new double[2 * n], new double[2 * n]);

        var exactZ = new TsneForces(n, 0.5).Exact(y, p, 1, exact);
        var approximateZ = new TsneForces(n, 0.5).BarnesHut(y, p, 1, approximate);

        Assert.Equal(1.0, approximateZ / exactZ, 2);
        var error = Math.Sqrt(exact.Zip(approximate, (a, b) => (a - b) * (a - b)).Sum());
        var size = Math.Sqrt(exact.Sum(v => v * v));
        Assert.True(error < 0.01 * size, $"relative gradient error {error / size:0.0000}");
    }

    /// <summary>A spread-out 2-D layout; with <paramref name="duplicates"/>, every third point sits exactly on another.</summary>
    private static double[] Layout(int n, int seed, bool duplicates)
    {
        var random = new Random(seed);
        var y = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            var cluster = i % 4;
            y[2 * i] = (10 * (cluster % 2)) + (3 * random.NextDouble());
            y[(2 * i) + 1] = (10 * (cluster / 2)) + (3 * random.NextDouble());
            if (duplicates && i % 3 == 2)
            {
                (y[2 * i], y[(2 * i) + 1]) = (y[2 * (i - 1)], y[(2 * (i - 1)) + 1]);
            }
        }
        return y;
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= epsilon;

        public int GetHashCode(double value) => 0;
    }
}
