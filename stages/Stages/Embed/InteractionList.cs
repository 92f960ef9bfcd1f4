using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Stages.Embed;

/// <summary>
/// The bodies a group of nearby points is repelled by: tree cells far enough from the whole group to
/// stand in for their points, and the leaves near it. Kept as separate coordinate arrays, padded to whole
/// vectors, so one point's force is a branch-free SIMD loop.
/// </summary>
internal sealed class InteractionList
{
    private double[] x = new double[256];
    private double[] y = new double[256];
    private double[] count = new double[256];

    public int Length { get; private set; }

    private int padded;

    public void Clear() => Length = 0;

    /// <summary>Pads the list to whole vectors with bodies of count 0 at the origin, which add exactly nothing.</summary>
    public void Complete()
    {
        padded = (Length + Vector256<double>.Count - 1) & ~(Vector256<double>.Count - 1);
        x.AsSpan(Length, padded - Length).Clear();
        y.AsSpan(Length, padded - Length).Clear();
        count.AsSpan(Length, padded - Length).Clear();
    }

    public void Add(double centerX, double centerY, int bodies)
    {
        if (Length + Vector256<double>.Count > x.Length)
        {
            Array.Resize(ref x, x.Length * 2);
            Array.Resize(ref y, y.Length * 2);
            Array.Resize(ref count, count.Length * 2);
        }
        (x[Length], y[Length], count[Length]) = (centerX, centerY, bodies);
        Length++;
    }

    /// <summary>
    /// The unnormalized repulsion on the point (x, y) and its share of Z, without the point itself.
    /// Plain multiplies and adds (no fused ones), so every machine gets the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Fx, double Fy, double Z) Repulsion(double px, double py)
    {
        ref var bx = ref MemoryMarshal.GetArrayDataReference(x);
        ref var by = ref MemoryMarshal.GetArrayDataReference(y);
        ref var bc = ref MemoryMarshal.GetArrayDataReference(count);
        var (vx, vy, one) = (Vector256.Create(px), Vector256.Create(py), Vector256.Create(1.0));
        Vector256<double> fx = default, fy = default, z = default;
        for (var k = 0; k < padded; k += Vector256<double>.Count)
        {
            var dx = vx - Vector256.LoadUnsafe(ref bx, (nuint)k);
            var dy = vy - Vector256.LoadUnsafe(ref by, (nuint)k);
            var q = one / (one + (dx * dx) + (dy * dy));
            var mult = Vector256.LoadUnsafe(ref bc, (nuint)k) * q;
            z += mult;
            mult *= q;
            fx += mult * dx;
            fy += mult * dy;
        }
        // The point's own leaf is in the list at distance 0: it added exactly 1 to Z and nothing to the force.
        return (FixedOrder.Sum(fx), FixedOrder.Sum(fy), FixedOrder.Sum(z) - 1);
    }
}
