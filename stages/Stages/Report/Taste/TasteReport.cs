using Pipeline.Stages.Evaluate;

namespace Pipeline.Stages.Report.Taste;

/// <summary>What the report says about taste, computed once for report.md and report.html alike.</summary>
public sealed record TasteReport(TasteProfiles Profiles, IReadOnlyList<string> Sentences, IReadOnlyList<PairMatch> Pairs, IReadOnlyList<Mistake> Mistakes)
{
    /// <summary>Shared songs listed per pair (the count is always given): six for a few pairs, three when there are many.</summary>
    public int SharedListed => Pairs.Count > 3 ? 3 : 6;

    /// <summary>The pairs in the shared-songs table: in name order for up to three, closest match first for more.</summary>
    public IReadOnlyList<PairMatch> PairsToList => Pairs.Count <= 3 ? Pairs
        : [.. Pairs.OrderByDescending(p => p.Match ?? -1).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal)];

    public static TasteReport From(ReportData data, int mistakes)
    {
        var profiles = data.Profiles();
        var people = data.Classes.Where(c => profiles.People.Contains(c)).ToList();
        var pairs = new List<PairMatch>();
        for (var a = 0; a < people.Count; a++)
        {
            for (var b = a + 1; b < people.Count; b++)
            {
                pairs.Add(new PairMatch(people[a], people[b], TasteMatch.Score(data.TestPredictions, data.Classes, people[a], people[b]),
                    TasteMatch.SharedSongs(data.Tracks, people[a], people[b])));
            }
        }
        var values = data.SongValues(profiles);
        var wrong = data.Misclassified(mistakes).Select(song => new Mistake(song, data.Confidence(song),
            MistakeReasons.Explain(MistakeReasons.For(profiles, values(song.TrackId), song.TrueUser, song.PredictedUser), song.TrueUser, song.PredictedUser)))
            .ToList();
        return new TasteReport(profiles, TasteWords.Sentences(profiles), pairs, wrong);
    }

    public PairMatch? Pair(string a, string b) => Pairs.FirstOrDefault(p => (p.A == a && p.B == b) || (p.A == b && p.B == a));
}

/// <summary>Two people: the model's match score for them (null without test songs of both) and the songs both like.</summary>
public sealed record PairMatch(string A, string B, double? Match, IReadOnlyList<(string Name, string Artists)> Shared)
{
    /// <summary>The first <paramref name="count"/> titles to list (a title and artist on two tracks once) and how many tracks that leaves.</summary>
    public (IReadOnlyList<(string Name, string Artists)> Lines, int More) Listed(int count)
    {
        var lines = Shared.Distinct().Take(count).ToList();
        return (lines, Shared.Count(s => !lines.Contains(s)));
    }

    public string MatchText => Match is { } m ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Round(m * 100):0}%") : "n/a";
}

/// <summary>A test song the model gave to someone else, how sure it was, and the features that pulled it there.</summary>
public sealed record Mistake(PredictedSong Song, double Confidence, string Why);
