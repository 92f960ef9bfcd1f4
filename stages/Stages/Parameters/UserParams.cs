namespace Pipeline.Stages.Parameters;

/// <summary>One person: for csv, their export; for spotify, liked songs or a playlist; for demo, optionally a taste profile.</summary>
public sealed record UserParams
{
    public string? File { get; init; }

    /// <summary>spotify only: a playlist (id, spotify:playlist: URI or open.spotify.com link) instead of the person's liked songs.</summary>
    public string? Playlist { get; init; }

    /// <summary>demo only: rock | acoustic | dance | rap | classical | pop; by default each person gets the next one.</summary>
    public string? Profile { get; init; }
}
