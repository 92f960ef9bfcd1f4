using Pipeline.Stages.Features;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Evaluate;

/// <summary>
/// How much the test AUC drops when one input is shuffled across rows (seeded). A categorical input's
/// one-hot columns are shuffled together, so "key" is one feature, not thirteen.
/// </summary>
public static class PermutationImportance
{
    public static IReadOnlyList<(string Feature, double AucDrop)> Compute(IClassifier model, FeatureMatrix test, Preprocessing preprocessing, double baseAuc, int seed)
    {
        var groups = Groups(preprocessing);
        var result = new List<(string, double)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (name, columns) = groups[g];
            var order = Enumerable.Range(0, test.Rows).ToArray();
            new Random(seed + g).Shuffle(order);
            var values = (double[])test.Values.Clone();
            for (var r = 0; r < test.Rows; r++)
            {
                foreach (var c in columns)
                {
                    values[(r * test.Columns) + c] = test.Values[(order[r] * test.Columns) + c];
                }
            }
            var probabilities = model.Probabilities(test with { Values = values });
            result.Add((name, baseAuc - ClassificationMetrics.Auc(test.Labels, probabilities, test.Classes.Length)));
        }
        return result.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private static List<(string Name, int[] Columns)> Groups(Preprocessing preprocessing)
    {
        var groups = preprocessing.Numerical.Select((n, i) => (n.Name, new[] { i })).ToList();
        var at = preprocessing.Numerical.Count;
        foreach (var c in preprocessing.Categorical)
        {
            groups.Add((c.Name, Enumerable.Range(at, c.Categories.Count).ToArray()));
            at += c.Categories.Count;
        }
        return groups;
    }
}
