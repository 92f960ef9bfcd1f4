using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch.Sources;

/// <summary>
/// A place liked songs come from, as fetch.source names it: what it reads in the workspace, whether it reads from
/// outside it (then Fetch runs every time), and how it fetches. Every source is one file and one entry in
/// <see cref="Sources.All"/>.
/// </summary>
public interface ISource
{
    string Name { get; }

    /// <summary>True when it reads from outside the workspace (a web API), so its fingerprint cannot tell a change: DVC's always_changed.</summary>
    bool AlwaysChanged { get; }

    /// <summary>The workspace files it reads: Fetch's deps.</summary>
    IReadOnlyList<string> Files(FetchParams parameters) => [];

    /// <summary>Files it reads that are not data (credentials), never hashed.</summary>
    IReadOnlyList<string> Private(FetchParams parameters) => [];

    /// <summary>Before anything runs: throw an <see cref="InvalidDataException"/> when it cannot start.</summary>
    void Check(FetchParams parameters, Func<string, string> resolve, Func<string, string?> environment)
    {
    }

    /// <summary>The report's "Source" line: where the songs came from.</summary>
    string Describe(FetchSummary? summary);

    /// <summary>The report's "Rows skipped" line: each file's bad rows (sources that read no files override it).</summary>
    string Skipped(FetchSummary? summary)
    {
        var bad = summary?.Files.Where(f => f.BadRows > 0).ToList() ?? [];
        return bad.Count == 0
            ? "none"
            : string.Join("; ", bad.Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{f.File}: {f.BadRows:N0} of {f.Rows:N0} (an empty, non-numeric or impossible feature)")));
    }

    /// <summary>The row of the report's params table for the source's own settings (fetch.demo, fetch.spotify), or null.</summary>
    (string Key, string Value)? Settings(FetchParams parameters) => null;

    /// <summary>A note beside the report's data summary (the demo: who got which taste profile), or null.</summary>
    string? Note(FetchParams parameters) => null;

    /// <summary>Everyone's songs, and the summary when the source writes its own (else Fetch summarises the table).</summary>
    (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted);
}
