using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Stages.Embed;

/// <summary>
/// A Barnes-Hut quadtree over the 2-D embedding, rebuilt each iteration: far cells stand in for all the
/// points inside them when their size over distance is below theta. Nodes are structs in one array, so a
/// visit touches one cache line.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 48;
    private Node[] nodes = [];
    private Hot[] hot = [];
    private int used;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="order">The order to insert points in: spatial order lays the nodes out so nearby cells sit together in memory.</param>
    public void Build(ReadOnlySpan<double> y, int n, ReadOnlySpan<int> order)
    {
        if (nodes.Length < 4 * n)
        {
            nodes = new Node[Math.Max(16, 4 * n)];
        }
        double loX = double.MaxValue, loY = double.MaxValue, hiX = double.MinValue, hiY = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            loX = Math.Min(loX, y[2 * i]);
            hiX = Math.Max(hiX, y[2 * i]);
            loY = Math.Min(loY, y[(2 * i) + 1]);
            hiY = Math.Max(hiY, y[(2 * i) + 1]);
        }
        var width = Math.Max(Math.Max(hiX - loX, hiY - loY), 1e-10) * (1 + 1e-9);
        used = 0;
        NewNode(loX, loY, width);
        foreach (var i in order)
        {
            Insert(y[2 * i], y[(2 * i) + 1]);
        }
        if (hot.Length < used)
        {
            hot = new Hot[nodes.Length];
        }
        for (var k = 0; k < used; k++)
        {
            ref readonly var node = ref nodes[k];
            hot[k] = node.Count > 0
                ? new Hot(node.SumX / node.Count, node.SumY / node.Count, node.Size * node.Size, node.Count, node.FirstChild)
                : new Hot(0, 0, 0, 0, node.FirstChild);
        }
    }

    /// <summary>The repulsive force on one point (unnormalized) and its share of the normalization Z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Fx, double Fy, double Z) Repulsion(double x, double y, double theta, Span<int> stack)
    {
        double fx = 0, fy = 0, z = 0;
        var top = 0;
        // The hot loop of t-SNE: indices come from the tree itself, so skip the bounds checks.
        ref var all = ref MemoryMarshal.GetArrayDataReference(hot);
        ref var pending = ref MemoryMarshal.GetReference(stack);
        if (all.Count > 0)
        {
            Unsafe.Add(ref pending, top++) = 0;
        }
        var theta2 = theta * theta;
        while (top > 0)
        {
            ref readonly var node = ref Unsafe.Add(ref all, Unsafe.Add(ref pending, --top));
            var dx = x - node.CenterX;
            var dy = y - node.CenterY;
            var d2 = (dx * dx) + (dy * dy);
            if (node.FirstChild < 0 || node.Size2 < theta2 * d2)
            {
                if (d2 == 0)
                {
                    // The point itself (and exact duplicates of it): no force; duplicates still count in Z.
                    z += node.Count - 1;
                    continue;
                }
                var q = 1 / (1 + d2);
                var mult = node.Count * q;
                z += mult;
                mult *= q;
                fx += mult * dx;
                fy += mult * dy;
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
        return (fx, fy, z);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(double x, double y)
    {
        var index = 0;
        for (var depth = 0; ; depth++)
        {
            ref var node = ref nodes[index];
            if (node.FirstChild < 0)
            {
                if (node.Count == 0 || depth >= MaxDepth || SamePlace(node, x, y))
                {
                    node.Count++;
                    node.SumX += x;
                    node.SumY += y;
                    return;
                }
                Split(index);
                node = ref nodes[index];
            }
            node.Count++;
            node.SumX += x;
            node.SumY += y;
            index = Child(node, x, y);
        }
    }

    private static bool SamePlace(in Node node, double x, double y) =>
        Math.Abs((node.SumX / node.Count) - x) < 1e-12 && Math.Abs((node.SumY / node.Count) - y) < 1e-12;

    private void Split(int index)
    {
        var (minX, minY, half) = (nodes[index].MinX, nodes[index].MinY, nodes[index].Size / 2);
        var first = NewNode(minX, minY, half);
        NewNode(minX + half, minY, half);
        NewNode(minX, minY + half, half);
        NewNode(minX + half, minY + half, half);
        ref var node = ref nodes[index];
        node.FirstChild = first;
        ref var child = ref nodes[Child(node, node.SumX / node.Count, node.SumY / node.Count)];
        (child.Count, child.SumX, child.SumY) = (node.Count, node.SumX, node.SumY);
    }

    private static int Child(in Node node, double x, double y)
    {
        var half = node.Size / 2;
        var right = x >= node.MinX + half ? 1 : 0;
        var up = y >= node.MinY + half ? 2 : 0;
        return node.FirstChild + right + up;
    }

    private int NewNode(double x, double y, double width)
    {
        if (used == nodes.Length)
        {
            Array.Resize(ref nodes, nodes.Length * 2);
        }
        nodes[used] = new Node { MinX = x, MinY = y, Size = width, FirstChild = -1 };
        return used++;
    }

    /// <summary>What a traversal reads, 32 bytes, apart from what only the build needs.</summary>
    private readonly record struct Hot(double CenterX, double CenterY, double Size2, int Count, int FirstChild);

    private struct Node
    {
        public int Count;
        public int FirstChild;
        public double SumX;
        public double SumY;
        public double MinX;
        public double MinY;
        public double Size;
    }
}
