using System.Globalization;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// data/raw/fetch-summary.json: per person, what was listed, what was skipped and why, and how many songs remain;
/// for imported files, each file's rows and the bad rows dropped. The report's data summary reads it.
/// </summary>
public sealed record FetchSummary
{
    public required string Source { get; init; }
    /// <summary>spotify or reccobeats; null for the demo and imported files.</summary>
    public string? FeaturesProvider { get; init; }

    public bool? AudioAnalysis { get; init; }

    /// <summary>Audio features every row lacks (ReccoBeats has no time_signature), so Features drops them.</summary>
    public required IReadOnlyList<string> MissingFeatures { get; init; }

    public required SortedDictionary<string, UserSummary> Users { get; init; }

    /// <summary>The imported files (the csv source), in name order; empty for the other sources.</summary>
    public IReadOnlyList<FileSummary> Files { get; init; } = [];

    public void Save(string path) => StableJson.Write(path, this);

    public static FetchSummary Load(string path) =>
        StableJson.Read<FetchSummary>(path) ?? throw new InvalidDataException($"{path}: empty");
}

public sealed record UserSummary
{
    /// <summary>liked songs, or playlist ID.</summary>
    public required string From { get; init; }
    public required int Listed { get; init; }
    public required int LocalFiles { get; init; }
    public required int Episodes { get; init; }
    public required int Unavailable { get; init; }
    public required int Duplicates { get; init; }
    public required int WithoutFeatures { get; init; }
    public required int WithoutAnalysis { get; init; }

    /// <summary>Songs whose audio features or analysis came back outside the documented range (or not finite): bad rows, dropped.</summary>
    public int BadFeatures { get; init; }

    public required int Songs { get; init; }

    /// <summary>"1,000 listed; skipped 2 local files, 1 unknown to reccobeats; 997 songs".</summary>
    public string Explain(string provider)
    {
        var skipped = new (int Count, string What)[]
        {
            (LocalFiles, "local files"), (Episodes, "episodes"), (Unavailable, "unavailable"), (Duplicates, "listed twice"),
            (WithoutFeatures, $"unknown to {provider}"), (WithoutAnalysis, "without audio analysis"),
            (BadFeatures, "with features out of range"),
        }.Where(s => s.Count > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Count:N0} {s.What}")).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Listed:N0} listed; {(skipped.Count == 0 ? "none skipped" : "skipped " + string.Join(", ", skipped))}; {Songs:N0} songs");
    }
}

/// <summary>An imported file: its data rows, and those dropped for an empty, non-numeric or impossible feature.</summary>
public sealed record FileSummary(string File, int Rows, int BadRows);
