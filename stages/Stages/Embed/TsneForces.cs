using System.Runtime.CompilerServices;

namespace Pipeline.Stages.Embed;

/// <summary>The t-SNE gradient: attraction from the sparse affinities, repulsion exact or from a quadtree.</summary>
internal sealed class TsneForces(int n, double theta)
{
    private readonly QuadTree tree = new();
    private readonly int[] order = Enumerable.Range(0, n).ToArray();
    private readonly ulong[] codes = new ulong[n];
    private int calls;
    private readonly double[] repulsion = new double[2 * n];
    private readonly double[] attraction = new double[2 * n];
    private readonly double[] partialZ = new double[n];

    /// <summary>Writes dC/dy into <paramref name="gradient"/>; returns Z, the sum of the unnormalized q over all pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double BarnesHut(double[] y, Affinities p, double exaggeration, double[] gradient)
    {
        if (calls++ % 10 == 0)
        {
            SpatialOrder(y);
        }
        tree.Build(y, n, order);
        // One parallel pass per iteration: each point's repulsion and attraction together.
        Parallel.For(0, n, () => new int[512], (k, _, stack) =>
        {
            var i = order[k];
            Repel(y, i, stack);
            Attract(y, p, i);
            return stack;
        }, _ => { });
        return Combine(exaggeration, gradient);
    }

    /// <summary>
    /// Points near each other in the layout visit the same tree cells: walking them in Z-order (Morton codes)
    /// keeps those cells in cache. Only the order of work changes, never a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SpatialOrder(double[] y)
    {
        double loX = double.MaxValue, loY = double.MaxValue, hiX = double.MinValue, hiY = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            (loX, hiX) = (Math.Min(loX, y[2 * i]), Math.Max(hiX, y[2 * i]));
            (loY, hiY) = (Math.Min(loY, y[(2 * i) + 1]), Math.Max(hiY, y[(2 * i) + 1]));
        }
        var scaleX = 65535 / Math.Max(hiX - loX, 1e-300);
        var scaleY = 65535 / Math.Max(hiY - loY, 1e-300);
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            codes[k] = Interleave((uint)((y[2 * i] - loX) * scaleX)) | (Interleave((uint)((y[(2 * i) + 1] - loY) * scaleY)) << 1);
        }
        Array.Sort(codes, order);
    }

    private static ulong Interleave(uint value)
    {
        ulong v = value & 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        return (v | (v << 1)) & 0x55555555;
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
            Attract(y, p, i);
        });
        return Combine(exaggeration, gradient);
    }

    /// <summary>dC/dy = 4 (exaggeration x attraction - repulsion / Z); Z summed in index order, so runs repeat exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Combine(double exaggeration, double[] gradient)
    {
        double z = 0;
        for (var i = 0; i < n; i++)
        {
            z += partialZ[i];
        }
        for (var c = 0; c < gradient.Length; c++)
        {
            gradient[c] = 4 * ((exaggeration * attraction[c]) - (repulsion[c] / z));
        }
        return z;
    }

    // Hot loops: optimized from the first call rather than after tiering up (that alone costs half a second on 1,000 points).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Repel(double[] y, int i, int[] stack)
    {
        var (fx, fy, z) = tree.Repulsion(y[2 * i], y[(2 * i) + 1], theta, stack);
        repulsion[2 * i] = fx;
        repulsion[(2 * i) + 1] = fy;
        partialZ[i] = z;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Attract(double[] y, Affinities p, int i)
    {
        double ax = 0, ay = 0;
        var (xi, yi) = (y[2 * i], y[(2 * i) + 1]);
        for (var k = p.RowStart[i]; k < p.RowStart[i + 1]; k++)
        {
            var j = p.Columns[k];
            var dx = xi - y[2 * j];
            var dy = yi - y[(2 * j) + 1];
            var pq = p.Values[k] / (1 + (dx * dx) + (dy * dy));
            ax += pq * dx;
            ay += pq * dy;
        }
        attraction[2 * i] = ax;
        attraction[(2 * i) + 1] = ay;
    }
}
