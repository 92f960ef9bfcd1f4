namespace Pipeline.Stages.Embed;

/// <summary>The t-SNE gradient: attraction from the sparse affinities, repulsion exact or from a quadtree.</summary>
internal sealed class TsneForces(int n, double theta)
{
    private readonly QuadTree tree = new();
    private readonly double[] repulsion = new double[2 * n];
    private readonly double[] partialZ = new double[n];

    /// <summary>Writes dC/dy into <paramref name="gradient"/>; returns Z, the sum of the unnormalized q over all pairs.</summary>
    public double BarnesHut(double[] y, Affinities p, double exaggeration, double[] gradient)
    {
        tree.Build(y, n);
        Parallel.For(0, n, () => new int[512], (i, _, stack) =>
        {
            var (fx, fy, z) = tree.Repulsion(y[2 * i], y[(2 * i) + 1], theta, stack);
            repulsion[2 * i] = fx;
            repulsion[(2 * i) + 1] = fy;
            partialZ[i] = z;
            return stack;
        }, _ => { });
        return Combine(y, p, exaggeration, gradient);
    }

    public double Exact(double[] y, Affinities p, double exaggeration, double[] gradient)
    {
        Parallel.For(0, n, i =>
        {
            double fx = 0, fy = 0, z = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                var dx = y[2 * i] - y[2 * j];
                var dy = y[(2 * i) + 1] - y[(2 * j) + 1];
                var q = 1 / (1 + (dx * dx) + (dy * dy));
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            repulsion[2 * i] = fx;
            repulsion[(2 * i) + 1] = fy;
            partialZ[i] = z;
        });
        return Combine(y, p, exaggeration, gradient);
    }

    private double Combine(double[] y, Affinities p, double exaggeration, double[] gradient)
    {
        double z = 0;
        for (var i = 0; i < n; i++)
        {
            z += partialZ[i];
        }
        Parallel.For(0, n, i =>
        {
            double ax = 0, ay = 0;
            var columns = p.Columns[i];
            var values = p.Values[i];
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                var dx = y[2 * i] - y[2 * j];
                var dy = y[(2 * i) + 1] - y[(2 * j) + 1];
                var q = 1 / (1 + (dx * dx) + (dy * dy));
                ax += values[k] * q * dx;
                ay += values[k] * q * dy;
            }
            gradient[2 * i] = 4 * ((exaggeration * ax) - (repulsion[2 * i] / z));
            gradient[(2 * i) + 1] = 4 * ((exaggeration * ay) - (repulsion[(2 * i) + 1] / z));
        });
        return z;
    }
}
