using System.Runtime.CompilerServices;
namespace Pipeline.Stages.Embed;

/// <summary>
/// A vantage-point tree over row-major points, for k-nearest-neighbour queries in Euclidean space
/// (Yianilos 1993), so t-SNE's affinities need k neighbours per point instead of all pairs.
/// </summary>
internal sealed class VantagePointTree
{
    private readonly double[] points;
    private readonly int dimensions;
    private readonly int[] items;
    private readonly Node[] nodes;
    private int nodeCount;

    public VantagePointTree(double[] points, int count, int dimensions, int seed)
    {
        this.points = points;
        this.dimensions = dimensions;
        items = Enumerable.Range(0, count).ToArray();
        nodes = new Node[count];
        Build(0, count, new Random(seed));
    }

    /// <summary>The k nearest other points of <paramref name="query"/>, nearest first, with their squared distances.</summary>
    public (int[] Indices, double[] SquaredDistances) Nearest(int query, int k)
    {
        var heap = new NearestHeap(k);
        Search(0, query, heap);
        return heap.Sorted();
    }

    private int Build(int lower, int upper, Random random)
    {
        if (upper <= lower)
        {
            return -1;
        }
        var id = nodeCount++;
        var pick = lower + random.Next(upper - lower);
        (items[lower], items[pick]) = (items[pick], items[lower]);
        var vantage = items[lower];
        if (upper - lower == 1)
        {
            nodes[id] = new Node(vantage, 0, -1, -1);
            return id;
        }
        var median = (lower + 1 + upper) / 2;
        var rest = items.AsSpan(lower + 1, upper - lower - 1);
        var distances = new double[rest.Length];
        for (var i = 0; i < rest.Length; i++)
        {
            distances[i] = Distance(vantage, rest[i]);
        }
        distances.AsSpan().Sort(rest);
        var radius = distances[median - lower - 1];
        var inside = Build(lower + 1, median, random);
        var outside = Build(median, upper, random);
        nodes[id] = new Node(vantage, radius, inside, outside);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(int nodeId, int query, NearestHeap heap)
    {
        if (nodeId < 0)
        {
            return;
        }
        var node = nodes[nodeId];
        var distance = Distance(node.Item, query);
        if (node.Item != query)
        {
            heap.Offer(node.Item, distance);
        }
        if (node.Inside < 0 && node.Outside < 0)
        {
            return;
        }
        if (distance < node.Radius)
        {
            if (distance - heap.Radius <= node.Radius)
            {
                Search(node.Inside, query, heap);
            }
            if (distance + heap.Radius >= node.Radius)
            {
                Search(node.Outside, query, heap);
            }
        }
        else
        {
            if (distance + heap.Radius >= node.Radius)
            {
                Search(node.Outside, query, heap);
            }
            if (distance - heap.Radius <= node.Radius)
            {
                Search(node.Inside, query, heap);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Distance(int a, int b) => Math.Sqrt(RowDistance.Squared(points, dimensions, a, b));

    private readonly record struct Node(int Item, double Radius, int Inside, int Outside);
}
