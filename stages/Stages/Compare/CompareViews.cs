using Pipeline.Stages.Embed;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Report;
using Pipeline.Stages.Report.Taste;

namespace Pipeline.Stages.Compare;

/// <summary>What Compare derives from the runs, computed once and shared by the figures, compare.md and compare.html.</summary>
internal sealed record CompareViews(
    IReadOnlyList<RocLine> Roc,
    IReadOnlyList<(string Person, IReadOnlyList<RocLine> Lines)> RocPerPerson,
    IReadOnlyList<TastePair> Taste,
    SongChanges Changes,
    IReadOnlyList<IReadOnlyList<EmbeddedSong>> Maps)
{
    /// <summary>A ROC curve keeps at most this many points (evenly chosen, both ends kept): the curve looks the same, the page stays small.</summary>
    public const int RocPoints = 400;

    /// <summary>Each interactive map carries at most this many songs (every test song first), so eight maps of 40,000 songs stay under 10 MB.</summary>
    public const int MapLimit = 10_000;

    public static CompareViews Of(CompareData data)
    {
        var people = data.Runs.SelectMany(r => r.Metrics.Classes).Distinct().ToList();
        var perPerson = people.Count < 3 ? [] : people.Select(p => (p, (IReadOnlyList<RocLine>)[.. data.Runs.Select((r, i) => PersonLine(r, i, p)).OfType<RocLine>()])).ToList();
        return new CompareViews([.. data.Runs.Select(MainLine)], perPerson, TasteOf(data, people), SongChanges.Between(data.Runs),
            [.. data.Runs.Select(r => MapView.Interactive(r.Map, MapLimit))]);
    }

    /// <summary>Two people: the second against the first (as the report draws it); more: every person against the rest, pooled.</summary>
    private static RocLine MainLine(ComparedRun run, int side)
    {
        var classes = run.Metrics.Classes;
        if (classes.Count == 2)
        {
            return Line(side, run.Label, [.. run.Predictions.Select(p => p.TrueUser == classes[1])], [.. run.Predictions.Select(p => p.Probabilities[1])]);
        }
        var positive = run.Predictions.SelectMany(p => classes.Select(c => p.TrueUser == c)).ToList();
        var score = run.Predictions.SelectMany(p => p.Probabilities).ToList();
        return Line(side, run.Label, positive, score);
    }

    private static RocLine? PersonLine(ComparedRun run, int side, string person)
    {
        var c = IndexOf(run.Metrics.Classes, person);
        return c < 0 ? null : Line(side, run.Label, [.. run.Predictions.Select(p => p.TrueUser == person)], [.. run.Predictions.Select(p => p.Probabilities[c])]);
    }

    private static RocLine Line(int side, string label, List<bool> positive, List<double> score)
    {
        var (fpr, tpr) = RocCurve.For(positive, score);
        var auc = ClassificationMetrics.BinaryAuc([.. positive], [.. score]);
        var keep = fpr.Length <= RocPoints ? Enumerable.Range(0, fpr.Length)
            : Enumerable.Range(0, RocPoints).Select(i => (int)((long)i * (fpr.Length - 1) / (RocPoints - 1))).Distinct();
        var kept = keep.ToList();
        return new RocLine(side, label, auc, [.. kept.Select(i => fpr[i])], [.. kept.Select(i => tpr[i])]);
    }

    /// <summary>Every pair of people any run knows, with each run's match (null where the run lacks one of them).</summary>
    private static List<TastePair> TasteOf(CompareData data, List<string> people)
    {
        var pairs = new List<TastePair>();
        for (var a = 0; a < people.Count; a++)
        {
            for (var b = a + 1; b < people.Count; b++)
            {
                var (pa, pb) = (people[a], people[b]);
                pairs.Add(new TastePair(pa, pb, [.. data.Runs.Select(r =>
                    IndexOf(r.Metrics.Classes, pa) >= 0 && IndexOf(r.Metrics.Classes, pb) >= 0 ? TasteMatch.Score(r.Predictions, r.Metrics.Classes, pa, pb) : null)]));
            }
        }
        return pairs;
    }

    private static int IndexOf(IReadOnlyList<string> classes, string person)
    {
        for (var c = 0; c < classes.Count; c++)
        {
            if (classes[c] == person)
            {
                return c;
            }
        }
        return -1;
    }
}

/// <summary>One side's ROC curve (thinned), with the AUC of the whole curve.</summary>
internal sealed record RocLine(int Side, string Label, double Auc, double[] Fpr, double[] Tpr);

/// <summary>Two people's taste match in each run (null where the run cannot say).</summary>
internal sealed record TastePair(string A, string B, IReadOnlyList<double?> Match);
