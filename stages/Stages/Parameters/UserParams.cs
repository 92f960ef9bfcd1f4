using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

/// <summary>One person: for csv, their export; for spotify, liked songs or a playlist; for demo, optionally a taste profile.</summary>
public sealed record UserParams
{
    /// <summary>csv only: a file inside the workspace (e.g. imports/ana.csv).</summary>
    public string? File { get; init; }

    /// <summary>spotify only: a playlist (id, spotify:playlist: URI or open.spotify.com link) instead of the person's liked songs.</summary>
    public string? Playlist { get; init; }

    /// <summary>demo only: rock | acoustic | dance | rap | classical | pop; by default one drawn from the person's name.</summary>
    [RegularExpression("^(rock|acoustic|dance|rap|classical|pop)$", ErrorMessage = "must be rock, acoustic, dance, rap, classical or pop")]
    public string? Profile { get; init; }
}
