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

    /// <summary>Everyone's songs, and the summary when the source writes its own (else Fetch summarises the table).</summary>
    (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted);
}
