using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Stages.Embed;

/// <summary>The t-SNE gradient: attraction from the sparse affinities, repulsion exact or from a quadtree.</summary>
internal sealed class TsneForces(int n, double theta)
{
    /// <summary>Points per tree walk: 16, 32 and 64 measured the same; fewer walk the tree more, more sum longer lists.</summary>
    private const int GroupSize = 32;
    /// <summary>Attraction work items: small enough that one core can take them all while the other builds the tree.</summary>
    private const int Chunks = 16;
    private readonly QuadTree tree = new(n);
    private readonly double[] repulsion = new double[2 * n];
    private readonly double[] attraction = new double[2 * n];
    private readonly double[] partialZ = new double[n];

    /// <summary>Writes dC/dy into <paramref name="gradient"/>; returns Z, the sum of the unnormalized q over all pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double BarnesHut(double[] y, Affinities p, double exaggeration, double[] gradient)
    {
        // The tree build is one sequential task: the attraction, which needs no tree, runs beside it.
        Parallel.For(-1, Chunks, c =>
        {
            if (c < 0)
            {
                tree.Build(y);
                return;
            }
            for (var i = c * n / Chunks; i < (c + 1) * n / Chunks; i++)
            {
                Attract(y, p, i);
            }
        });
        // Repulsion by groups of points next to each other in Z-order: one tree walk per group gives the
        // bodies every point in it feels, then each point sums them.
        var groups = (n + GroupSize - 1) / GroupSize;
        Parallel.For(0, groups, () => (new int[512], new InteractionList()), (g, _, local) =>
        {
            var (stack, list) = local;
            Repel(y, g * GroupSize, Math.Min(n, (g + 1) * GroupSize), list, stack);
            return local;
        }, _ => { });
        return Combine(exaggeration, gradient);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Repel(double[] y, int from, int to, InteractionList list, int[] stack)
    {
        var order = tree.Order;
        tree.Interactions(Box.Around(y, order[from..to]), theta, list, stack);
        for (var k = from; k < to; k++)
        {
            var i = order[k];
            (repulsion[2 * i], repulsion[(2 * i) + 1], partialZ[i]) = list.Repulsion(y[2 * i], y[(2 * i) + 1]);
        }
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

    /// <summary>Attraction from the sparse affinities, four neighbours per vector step; the rest one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Attract(double[] y, Affinities p, int i)
    {
        var (xi, yi) = (y[2 * i], y[(2 * i) + 1]);
        var (k, end) = (p.RowStart[i], p.RowStart[i + 1]);
        ref var columns = ref MemoryMarshal.GetArrayDataReference(p.Columns);
        ref var values = ref MemoryMarshal.GetArrayDataReference(p.Values);
        ref var points = ref MemoryMarshal.GetArrayDataReference(y);
        var (vx, vy, one) = (Vector256.Create(xi), Vector256.Create(yi), Vector256.Create(1.0));
        Vector256<double> sx = default, sy = default;
        for (; k + 4 <= end; k += 4)
        {
            var (j0, j1, j2, j3) = (2 * Unsafe.Add(ref columns, k), 2 * Unsafe.Add(ref columns, k + 1), 2 * Unsafe.Add(ref columns, k + 2), 2 * Unsafe.Add(ref columns, k + 3));
            var dx = vx - Vector256.Create(Unsafe.Add(ref points, j0), Unsafe.Add(ref points, j1), Unsafe.Add(ref points, j2), Unsafe.Add(ref points, j3));
            var dy = vy - Vector256.Create(Unsafe.Add(ref points, j0 + 1), Unsafe.Add(ref points, j1 + 1), Unsafe.Add(ref points, j2 + 1), Unsafe.Add(ref points, j3 + 1));
            var pq = Vector256.LoadUnsafe(ref values, (nuint)k) / (one + (dx * dx) + (dy * dy));
            sx += pq * dx;
            sy += pq * dy;
        }
        var (ax, ay) = (FixedOrder.Sum(sx), FixedOrder.Sum(sy));
        for (; k < end; k++)
        {
            var j = Unsafe.Add(ref columns, k);
            var dx = xi - Unsafe.Add(ref points, 2 * j);
            var dy = yi - Unsafe.Add(ref points, (2 * j) + 1);
            var pq = Unsafe.Add(ref values, k) / (1 + (dx * dx) + (dy * dy));
            ax += pq * dx;
            ay += pq * dy;
        }
        attraction[2 * i] = ax;
        attraction[(2 * i) + 1] = ay;
    }
}
