using Pipeline.Stages.Data;
using Pipeline.Stages.Evaluate;

namespace Pipeline.Stages.Report.Taste;

/// <summary>
/// How alike two people's tastes are, as the model sees them: over the two people's test songs, how well the
/// model ranks one person's songs above the other's (its pairwise AUC). A match of 100% means it cannot tell
/// them apart (AUC 0.5, a coin toss); 0% means it always can (AUC 1): match = 2 x (1 - AUC), at most 100%.
/// </summary>
public static class TasteMatch
{
    public const string Definition =
        "Match: how often the model cannot tell two people's test songs apart: 100% when it ranks them no better than a coin toss (pairwise AUC 0.5), 0% when it always can (AUC 1); it is 2 × (1 − AUC).";

    /// <summary>The match between <paramref name="a"/> and <paramref name="b"/>, 0..1, or null when either has no test songs.</summary>
    public static double? Score(IReadOnlyList<PredictedSong> songs, IReadOnlyList<string> classes, string a, string b)
    {
        var ia = IndexOf(classes, a);
        var ib = IndexOf(classes, b);
        var mine = new List<double>();
        var theirs = new List<double>();
        foreach (var song in songs)
        {
            if (song.TrueUser != a && song.TrueUser != b)
            {
                continue;
            }
            var pa = song.Probabilities[ia];
            var pb = song.Probabilities[ib];
            var score = pa + pb > 0 ? pa / (pa + pb) : 0.5;
            (song.TrueUser == a ? mine : theirs).Add(score);
        }
        if (mine.Count == 0 || theirs.Count == 0)
        {
            return null;
        }
        var auc = ClassificationMetrics.BinaryAuc([.. mine.Select(_ => true), .. theirs.Select(_ => false)], [.. mine, .. theirs]);
        return Math.Clamp(2 * (1 - auc), 0, 1);
    }

    /// <summary>
    /// The songs both people like (from everyone's liked songs, before any were dropped), one per track, by title.
    /// </summary>
    public static IReadOnlyList<(string Name, string Artists)> SharedSongs(TrackTable tracks, string a, string b)
    {
        var ofA = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < tracks.RowCount; r++)
        {
            if (tracks.User[r] == a)
            {
                ofA.TryAdd(tracks.TrackId[r], r);
            }
        }
        var shared = new List<(string Name, string Artists)>();
        for (var r = 0; r < tracks.RowCount; r++)
        {
            if (tracks.User[r] == b && ofA.ContainsKey(tracks.TrackId[r]))
            {
                shared.Add((tracks.Name[r], tracks.Artists[r]));
            }
        }
        return shared.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Artists, StringComparer.Ordinal).ToList();
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
        throw new ArgumentException($"'{person}' is not one of the model's classes", nameof(person));
    }
}
