namespace Pipeline.Stages.Report.Taste;

/// <summary>
/// Why the model gave a song to the wrong person: the audio features whose values sit closer to the chosen
/// person's typical value (median) than to the true person's, by the most (in pooled standard deviations).
/// </summary>
public static class MistakeReasons
{
    /// <summary>A pull smaller than this (in standard deviations) is not worth naming.</summary>
    public const double Noticeable = 0.2;

    /// <param name="song">The song's value of each of <paramref name="profiles"/>' features, in their order.</param>
    public static IReadOnlyList<Pull> For(TasteProfiles profiles, IReadOnlyList<double> song, string liked, string chosen, int count = 3)
    {
        if (!profiles.People.Contains(liked) || !profiles.People.Contains(chosen))
        {
            return [];
        }
        var (t, c) = (profiles.Index(liked), profiles.Index(chosen));
        var pulls = new List<Pull>();
        for (var f = 0; f < profiles.Features.Count; f++)
        {
            var spread = profiles.Spread(f);
            if (spread <= 0 || double.IsNaN(song[f]))
            {
                continue;
            }
            var (likedMean, chosenMean) = (profiles.Median(t, f), profiles.Median(c, f));
            var strength = (Math.Abs(song[f] - likedMean) - Math.Abs(song[f] - chosenMean)) / spread;
            if (strength >= Noticeable)
            {
                pulls.Add(new Pull(profiles.Features[f], song[f], chosenMean, likedMean, strength));
            }
        }
        return pulls.OrderByDescending(p => p.Strength).ThenBy(p => p.Feature.Name, StringComparer.Ordinal).Take(count).ToList();
    }

    /// <summary>"speechiness 0.05: like paulo's typical 0.06, not amelia's 0.28; tempo 126 BPM: like paulo's typical 124 BPM, not amelia's 98 BPM".</summary>
    public static string Explain(IReadOnlyList<Pull> pulls, string liked, string chosen) => pulls.Count == 0
        ? "no single audio feature: the mix of them"
        : string.Join("; ", pulls.Select(p =>
            $"{p.Feature.Label} {p.Feature.Format(p.Value)}: like {TasteWords.Possessive(chosen)} typical {p.Feature.Format(p.ChosenTypical)}, not {TasteWords.Possessive(liked)} {p.Feature.Format(p.LikedTypical)}"));
}

/// <summary>A feature pulling a song towards the chosen person: its value, both people's typical values, and how much closer to the chosen one.</summary>
public sealed record Pull(TasteFeature Feature, double Value, double ChosenTypical, double LikedTypical, double Strength);
