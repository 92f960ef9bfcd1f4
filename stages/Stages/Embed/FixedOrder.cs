using System.Runtime.Intrinsics;

namespace Pipeline.Stages.Embed;

/// <summary>Sums of SIMD lanes in one fixed order, so every machine adds them the same way and gets the same bits.</summary>
internal static class FixedOrder
{
    public static double Sum(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
