namespace Pipeline.Stages.Features;

/// <summary>A seeded split that keeps each class's share in both parts (like scikit-learn's stratify=y).</summary>
public static class StratifiedSplit
{
    /// <returns>Row indices of the training and test parts, each in ascending order.</returns>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<string> labels, double testSize, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            var testCount = Math.Clamp((int)Math.Round(rows.Length * testSize), 1, rows.Length - 1);
            test.AddRange(rows[..testCount]);
            train.AddRange(rows[testCount..]);
        }
        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }
}
