namespace Pipeline.Stages.Report.Taste;

/// <summary>The taste profile in sentences: "amelia's songs are wordier (speechiness 0.28 vs 0.07) and slower (98 vs 124 BPM) than paulo's."</summary>
public static class TasteWords
{
    /// <summary>One sentence for two people; with more, one per person against everyone else.</summary>
    public static IReadOnlyList<string> Sentences(TasteProfiles profiles)
    {
        if (profiles.People.Count < 2)
        {
            return [];
        }
        if (profiles.People.Count == 2)
        {
            return [Sentence(profiles, profiles.People[0], profiles.People[1])];
        }
        return profiles.People.Select(p => Sentence(profiles, p, null)).ToList();
    }

    public static string Sentence(TasteProfiles profiles, string person, string? other)
    {
        var versus = other is null ? "everyone else's" : Possessive(other);
        var differences = profiles.Differences(person, other);
        if (differences.Count == 0)
        {
            return $"{Possessive(person)} songs sound much like {versus} on average: no audio feature differs by a third of its spread.";
        }
        return $"{Possessive(person)} songs are {List(differences.Select(d => d.Phrase).ToList())} than {versus}.";
    }

    public static string Possessive(string name) => name + "'s";

    private static string List(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };
}
