namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>What the Spotify source needs from the run around it.</summary>
public sealed record SpotifyRun
{
    /// <summary>A workspace path made absolute (credentials/...).</summary>
    public required Func<string, string> Resolve { get; init; }

    public required Func<string, string?> Environment { get; init; }

    /// <summary>A folder kept between runs, for the per-track cache.</summary>
    public required string StateDirectory { get; init; }

    public required IProgress<(string Phase, long Done, long Total)> Phases { get; init; }

    public required Action<string> Log { get; init; }
}
