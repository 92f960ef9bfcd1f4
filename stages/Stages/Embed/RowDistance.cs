using System.Runtime.CompilerServices;

namespace Pipeline.Stages.Embed;

/// <summary>Distances between rows of a row-major matrix with <c>d</c> columns.</summary>
internal static class RowDistance
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Squared(double[] points, int d, int a, int b)
    {
        var pa = points.AsSpan(a * d, d);
        var pb = points.AsSpan(b * d, d);
        double sum = 0;
        for (var k = 0; k < d; k++)
        {
            var diff = pa[k] - pb[k];
            sum += diff * diff;
        }
        return sum;
    }
}
