namespace Pipeline.Stages.Fetch;

/// <summary>
/// How one kind of listener's liked songs are distributed: Beta shapes for the 0..1 features, and the
/// rest in their real units. Made up, but shaped after published Spotify audio-feature distributions.
/// </summary>
internal sealed record TasteProfile(
    string Name,
    (double A, double B) Danceability,
    (double A, double B) Energy,
    (double A, double B) Acousticness,
    (double A, double B) Valence,
    (double A, double B) Speechiness,
    double InstrumentalShare,
    double TempoMean,
    double TempoSd,
    double MajorShare,
    double DurationMedianMs,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<string> ArtistWords)
{
    public static readonly TasteProfile Rock = new("rock", (4, 4), (8, 2), (1, 10), (3, 4), (1.2, 20), 0.25, 128, 22, 0.7, 240_000,
        ["Iron", "Thunder", "Steel", "Burning", "Black", "Highway", "Fire", "Machine", "Night", "Wolves", "Storm", "Chains", "Rebel", "Engine"],
        ["Iron Hollow", "The Rust Kings", "Black Meridian", "Thunderjack", "Steel Tide", "Motörwolf", "Grave Diggers", "Red Static"]);

    public static readonly TasteProfile Acoustic = new("acoustic", (4, 5), (3, 5), (5, 2), (5, 3), (1.2, 25), 0.15, 110, 25, 0.75, 215_000,
        ["River", "Paper", "Morning", "Linen", "Sparrow", "Harbor", "Lantern", "Willow", "Café", "Honey", "Letters", "Mañana", "Home"],
        ["Ana Muñoz", "Zoë Ånström", "The Paper Boats", "Elliot Fern", "Maren Holt", "Sólveig", "June & the Lanterns", "Tomás Reis"]);

    public static readonly TasteProfile Dance = new("dance", (8, 3), (7, 3), (1, 12), (6, 3), (1.5, 14), 0.3, 124, 10, 0.55, 200_000,
        ["Neon", "Pulse", "Midnight", "Glow", "Body", "Strobe", "Electric", "Heat", "Satellite", "Disco", "Loop", "Ibiza", "Rush"],
        ["DJ Korova", "Lumen Club", "Nova Pulse", "Kids of Ibiza", "SYNTHIA", "Parallel Lights", "Bassline Theory", "Mirrorball"]);

    public static readonly TasteProfile Rap = new("rap", (7, 3), (5, 3.5), (1.5, 8), (4, 4), (3, 7), 0.05, 100, 25, 0.5, 195_000,
        ["Block", "Crown", "Hustle", "Gold", "Street", "Cypher", "Flow", "Mic", "Corner", "Legacy", "Paper", "Real", "Dreams"],
        ["Lil Verse", "MC Northside", "Big Kairo", "Young Atlas", "Cash Lyric", "Deja Flow", "K-Dot Rivers", "Notorious Quill"]);

    public static readonly TasteProfile Classical = new("classical", (2, 6), (1.5, 7), (8, 1.5), (2, 5), (1, 30), 0.85, 105, 30, 0.65, 330_000,
        ["Nocturne", "Sonata", "Adagio", "Prelude", "Étude", "Requiem", "Serenade", "Fugue", "Aria", "Rhapsody", "Élégie", "Canon"],
        ["Berliner Kammerorchester", "Clara Vogt", "Quartetto Aurora", "Henrik Åberg", "Orchestre de Lyon", "Yuki Tanabe", "Ensemble Nord"]);

    /// <summary>What everyone hears: the mainstream pool that makes tastes overlap.</summary>
    public static readonly TasteProfile Pop = new("pop", (6, 3.5), (6, 3.5), (2, 6), (5, 4), (1.2, 18), 0.08, 118, 24, 0.65, 210_000,
        ["Love", "Summer", "Heart", "Golden", "Dancing", "Stars", "Forever", "Tonight", "Sweet", "Young", "Blue", "Sky", "Wild"],
        ["Ella Monroe", "The Weekdays", "Harper Lane", "Coldwater", "Mila Rae", "Sunset Avenue", "Jonas Blue-Eyed", "ZAYA"]);

    public static IReadOnlyList<TasteProfile> Listeners { get; } = [Rock, Acoustic, Dance, Rap, Classical, Pop];

    public static TasteProfile? Named(string name) => Listeners.FirstOrDefault(p => p.Name == name);
}
