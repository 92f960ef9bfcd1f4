namespace Pipeline.Stages.Features;

/// <summary>
/// A seeded split that keeps each class's share in both parts (like scikit-learn's stratify=y), and keeps every
/// row of one track together: a song two people like (features.shared_tracks: keep), or one listed in two import
/// files, lands on one side only, so the model is never tested on a song it trained on.
/// </summary>
public static class StratifiedSplit
{
    /// <param name="groups">Each row's track id (rows with one id stay together); null when every row is its own.</param>
    /// <returns>Row indices of the training and test parts, each in ascending order.</returns>
    public static (int[] Train, int[] Test) Split(IReadOnlyList<string> labels, double testSize, int seed, IReadOnlyList<string>? groups = null)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var stratum in Units(labels, groups).GroupBy(u => u.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var units = stratum.ToArray();
            random.Shuffle(units);
            var testCount = Math.Clamp((int)Math.Round(units.Length * testSize), 1, units.Length - 1);
            test.AddRange(units[..testCount].SelectMany(u => u.Rows));
            train.AddRange(units[testCount..].SelectMany(u => u.Rows));
        }
        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }

    /// <summary>Stratified k folds of whole tracks: each row's fold, 0..k-1, every class spread evenly over the folds.</summary>
    public static int[] Folds(IReadOnlyList<string> labels, int folds, int seed, IReadOnlyList<string>? groups = null)
    {
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var stratum in Units(labels, groups).GroupBy(u => u.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var units = stratum.ToArray();
            random.Shuffle(units);
            foreach (var unit in units)
            {
                foreach (var row in unit.Rows)
                {
                    fold[row] = next;
                }
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /// <summary>The rows of each track (in first-row order), labelled by the track's first row.</summary>
    private static List<(string Label, int[] Rows)> Units(IReadOnlyList<string> labels, IReadOnlyList<string>? groups)
    {
        if (groups is null)
        {
            return [.. Enumerable.Range(0, labels.Count).Select(i => (labels[i], new[] { i }))];
        }
        return [.. Enumerable.Range(0, labels.Count).GroupBy(i => groups[i], StringComparer.Ordinal).Select(g => (labels[g.First()], g.ToArray()))];
    }
}
