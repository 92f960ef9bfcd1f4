namespace Pipeline.Stages.Embed;

/// <summary>The axis-aligned bounding box of some points of a row-major 2-D layout.</summary>
internal readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
{
    public static Box Around(ReadOnlySpan<double> y, ReadOnlySpan<int> points)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var i in points)
        {
            (minX, maxX) = (Math.Min(minX, y[2 * i]), Math.Max(maxX, y[2 * i]));
            (minY, maxY) = (Math.Min(minY, y[(2 * i) + 1]), Math.Max(maxY, y[(2 * i) + 1]));
        }
        return new Box(minX, minY, maxX, maxY);
    }
}
