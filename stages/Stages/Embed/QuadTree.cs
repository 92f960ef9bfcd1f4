using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Stages.Embed;

/// <summary>
/// A Barnes-Hut quadtree over the 2-D embedding, rebuilt each iteration: far cells stand in for all the
/// points inside them when their size over distance is below theta. Built from the points sorted by
/// Morton code (Z-order), so every cell is a run of that order, and compressed: a cell whose points all sit
/// in one quadrant is replaced by the smallest cell that still holds them. Nodes are structs in one array,
/// the four children of a cell side by side.
/// </summary>
internal sealed class QuadTree
{
    /// <summary>Bits of position per axis in a Morton code; points closer than width / 2^32 share a leaf.</summary>
    private const int Levels = 32;

    private readonly int[] order;
    private readonly ulong[] codes;
    private readonly Node[] nodes;
    private int used;

    public QuadTree(int n)
    {
        order = Enumerable.Range(0, n).ToArray();
        codes = new ulong[n];
        nodes = new Node[(4 * n) + 1];
    }

    /// <summary>The points in Z-order as of the last build: neighbours in this order are neighbours in the plane.</summary>
    public ReadOnlySpan<int> Order => order;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(ReadOnlySpan<double> y)
    {
        var n = order.Length;
        var box = Box.Around(y, order);
        var width = Math.Max(Math.Max(box.MaxX - box.MinX, box.MaxY - box.MinY), 1e-10) * (1 + 1e-9);
        var scale = 4294967296.0 / width;
        // The order carries over from the last build, so ties (points on one spot) stay in a repeatable order.
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            codes[k] = Interleave(Cell(y[2 * i] - box.MinX, scale)) | (Interleave(Cell(y[(2 * i) + 1] - box.MinY, scale)) << 1);
        }
        Array.Sort(codes, order);
        used = 1;
        Fill(0, y, 0, n, width);
    }

    /// <summary>Makes node <paramref name="index"/> the cell holding the points order[start..end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(int index, ReadOnlySpan<double> y, int start, int end, double width)
    {
        // Depth of the smallest cell holding the run: the first bit pair where its first and last codes differ.
        var depth = end - start == 1 ? Levels : Math.Min(Levels, BitOperations.LeadingZeroCount(codes[start] ^ codes[end - 1]) / 2);
        var size = width / (1L << depth);
        if (depth == Levels)
        {
            double sumX = 0, sumY = 0;
            for (var k = start; k < end; k++)
            {
                sumX += y[2 * order[k]];
                sumY += y[(2 * order[k]) + 1];
            }
            nodes[index] = new Node(sumX / (end - start), sumY / (end - start), 0, end - start, -1);
            return;
        }
        var first = used;
        used += 4;
        var shift = 62 - (2 * depth);
        // The run is sorted, so each quadrant is a run of it: count them to find where each begins.
        int count0 = 0, count1 = 0, count2 = 0;
        for (var k = start; k < end; k++)
        {
            var quadrant = (int)(codes[k] >> shift) & 3;
            count0 += quadrant == 0 ? 1 : 0;
            count1 += quadrant == 1 ? 1 : 0;
            count2 += quadrant == 2 ? 1 : 0;
        }
        var (b1, b2, b3) = (start + count0, start + count0 + count1, start + count0 + count1 + count2);
        var (centerX, centerY) = (0.0, 0.0);
        Child(first, y, start, b1, width, ref centerX, ref centerY);
        Child(first + 1, y, b1, b2, width, ref centerX, ref centerY);
        Child(first + 2, y, b2, b3, width, ref centerX, ref centerY);
        Child(first + 3, y, b3, end, width, ref centerX, ref centerY);
        nodes[index] = new Node(centerX / (end - start), centerY / (end - start), size * size, end - start, first);
    }

    /// <summary>Fills one child slot (a lone point directly) and adds its points to the parent's sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Child(int index, ReadOnlySpan<double> y, int from, int to, double width, ref double sumX, ref double sumY)
    {
        if (to - from == 1)
        {
            var (x0, y0) = (y[2 * order[from]], y[(2 * order[from]) + 1]);
            nodes[index] = new Node(x0, y0, 0, 1, -1);
            (sumX, sumY) = (sumX + x0, sumY + y0);
            return;
        }
        if (to == from)
        {
            nodes[index] = default;
            return;
        }
        Fill(index, y, from, to, width);
        ref readonly var child = ref nodes[index];
        (sumX, sumY) = (sumX + (child.CenterX * child.Count), sumY + (child.CenterY * child.Count));
    }

    private static uint Cell(double offset, double scale) => (uint)Math.Min(offset * scale, uint.MaxValue);

    private static ulong Interleave(uint value)
    {
        ulong v = value;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFF;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0F;
        v = (v | (v << 2)) & 0x3333333333333333;
        return (v | (v << 1)) & 0x5555555555555555;
    }

    /// <summary>
    /// Every body the points inside the box feel: cells accepted by the theta test
    /// from the box's nearest edge (so accepted for each point in it), and the leaves that are not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Interactions(Box box, double theta, InteractionList list, Span<int> stack)
    {
        list.Clear();
        var top = 0;
        ref var all = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var pending = ref MemoryMarshal.GetReference(stack);
        Unsafe.Add(ref pending, top++) = 0;
        var theta2 = theta * theta;
        while (top > 0)
        {
            ref readonly var node = ref Unsafe.Add(ref all, Unsafe.Add(ref pending, --top));
            var dx = Math.Max(Math.Max(box.MinX - node.CenterX, node.CenterX - box.MaxX), 0);
            var dy = Math.Max(Math.Max(box.MinY - node.CenterY, node.CenterY - box.MaxY), 0);
            if (node.FirstChild < 0 || node.Size2 < theta2 * ((dx * dx) + (dy * dy)))
            {
                list.Add(node.CenterX, node.CenterY, node.Count);
                continue;
            }
            // Empty quadrants are common: skip them here rather than after a pop.
            for (var child = node.FirstChild; child < node.FirstChild + 4; child++)
            {
                if (Unsafe.Add(ref all, child).Count > 0)
                {
                    Unsafe.Add(ref pending, top++) = child;
                }
            }
        }
        list.Complete();
    }

    /// <summary>A cell: its points' centre of mass, its squared side, how many points, and where its four children start (-1 for a leaf).</summary>
    private readonly record struct Node(double CenterX, double CenterY, double Size2, int Count, int FirstChild);
}
