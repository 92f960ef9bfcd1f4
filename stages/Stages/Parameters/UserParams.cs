namespace Pipeline.Stages.Parameters;

/// <summary>One person: for csv, their export; for spotify, their id; for demo, optionally a taste profile.</summary>
public sealed record UserParams
{
    public string? File { get; init; }

    public string? SpotifyId { get; init; }

    /// <summary>demo only: rock | acoustic | dance | rap | classical | pop; by default each person gets the next one.</summary>
    public string? Profile { get; init; }
}
