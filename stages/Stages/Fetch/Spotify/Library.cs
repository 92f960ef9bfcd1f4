namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>One song of a person's liked songs or playlist, as the track object gives it.</summary>
public sealed record LibraryTrack(string Id, string Name, string Artists, long DurationMs);

/// <summary>A person's songs (From: "liked songs" or "playlist ID"), in the order Spotify lists them, and what was skipped on the way.</summary>
public sealed record Library(string From)
{
    public List<LibraryTrack> Tracks { get; } = [];

    /// <summary>Items listed, skipped ones included.</summary>
    public int Listed { get; set; }

    public int LocalFiles { get; set; }

    public int Episodes { get; set; }

    /// <summary>Items with no track or no track id (removed from the catalogue, unavailable in the market).</summary>
    public int Unavailable { get; set; }

    /// <summary>A song listed twice counts once.</summary>
    public int Duplicates { get; set; }
}
