using System.Globalization;

namespace Pipeline.Stages.Report.Taste;

/// <summary>An audio feature as the taste report talks about it: its words for more and less, and how a value reads.</summary>
public sealed record TasteFeature(string Name, string Label, string More, string Less, bool UnitRange)
{
    /// <summary>The features the taste profile shows, the 0..1 ones (the radar's spokes) first.</summary>
    public static IReadOnlyList<TasteFeature> All { get; } =
    [
        new("danceability", "danceability", "more danceable", "less danceable", true),
        new("energy", "energy", "more energetic", "calmer", true),
        new("speechiness", "speechiness", "wordier", "less wordy", true),
        new("acousticness", "acousticness", "more acoustic", "less acoustic", true),
        new("instrumentalness", "instrumentalness", "more instrumental", "less instrumental", true),
        new("liveness", "liveness", "more often live", "more often studio-made", true),
        new("valence", "valence", "happier", "sadder", true),
        new("tempo", "tempo", "faster", "slower", false),
        new("loudness", "loudness", "louder", "quieter", false),
        new("duration_ms", "duration", "longer", "shorter", false),
    ];

    /// <summary>A value as a reader reads it: 0.62, 124 BPM, -6.1 dB, 3:45.</summary>
    public string Format(double value) => Name switch
    {
        "tempo" => string.Create(CultureInfo.InvariantCulture, $"{value:0} BPM"),
        "loudness" => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} dB"),
        "duration_ms" => Minutes(value),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>"speechiness 0.28 vs 0.07", "98 vs 124 BPM": two values side by side, the unit said once.</summary>
    public string Versus(double a, double b) => Name switch
    {
        "tempo" => string.Create(CultureInfo.InvariantCulture, $"{a:0} vs {b:0} BPM"),
        "loudness" => string.Create(CultureInfo.InvariantCulture, $"{a:0.0} vs {b:0.0} dB"),
        "duration_ms" => $"{Minutes(a)} vs {Minutes(b)} min",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Label} {a:0.00} vs {b:0.00}"),
    };

    /// <summary>The value in the figure's axis units (duration in minutes).</summary>
    public double AxisValue(double value) => Name == "duration_ms" ? value / 60_000 : value;

    public string AxisLabel => Name switch
    {
        "tempo" => "tempo (BPM)",
        "loudness" => "loudness (dB)",
        "duration_ms" => "duration (min)",
        "valence" => "valence (cheerfulness)",
        _ => Label,
    };

    private static string Minutes(double ms)
    {
        var seconds = (int)Math.Round(ms / 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }
}
