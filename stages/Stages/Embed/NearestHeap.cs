namespace Pipeline.Stages.Embed;

/// <summary>The k nearest candidates seen so far: a max-heap on distance, so the farthest is dropped first.</summary>
internal sealed class NearestHeap(int k)
{
    private readonly int[] items = new int[k];
    private readonly double[] distances = new double[k];
    private int count;

    /// <summary>The distance a candidate must beat: the k-th nearest so far, or infinity until there are k.</summary>
    public double Radius => count < k ? double.MaxValue : distances[0];

    public void Offer(int item, double distance)
    {
        if (count < k)
        {
            (items[count], distances[count]) = (item, distance);
            SiftUp(count++);
        }
        else if (distance < distances[0])
        {
            (items[0], distances[0]) = (item, distance);
            SiftDown(0);
        }
    }

    /// <summary>The candidates nearest first, with squared distances.</summary>
    public (int[] Indices, double[] SquaredDistances) Sorted()
    {
        var indices = items[..count];
        var squared = distances[..count];
        Array.Sort(squared, indices);
        for (var i = 0; i < squared.Length; i++)
        {
            squared[i] *= squared[i];
        }
        return (indices, squared);
    }

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (distances[parent] >= distances[at])
            {
                return;
            }
            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var (left, largest) = ((2 * at) + 1, at);
            if (left < count && distances[left] > distances[largest])
            {
                largest = left;
            }
            if (left + 1 < count && distances[left + 1] > distances[largest])
            {
                largest = left + 1;
            }
            if (largest == at)
            {
                return;
            }
            Swap(at, largest);
            at = largest;
        }
    }

    private void Swap(int a, int b)
    {
        (items[a], items[b]) = (items[b], items[a]);
        (distances[a], distances[b]) = (distances[b], distances[a]);
    }
}
