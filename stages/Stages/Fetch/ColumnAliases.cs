namespace Pipeline.Stages.Fetch;

/// <summary>
/// Finds columns however an export spells them: case-insensitive, ignoring spaces, dots, underscores and
/// brackets ("Track Name", "track.name", "Artist Name(s)", "Duration (ms)"), with the common synonyms.
/// </summary>
internal static class ColumnAliases
{
    private static readonly string[] IdNames = ["id", "trackid", "trackuri", "uri", "spotifyid", "spotifyuri", "songid"];
    private static readonly string[] TitleNames = ["name", "trackname", "track", "title", "songtitle", "song", "songname"];
    private static readonly string[] ArtistNames = ["artists", "artist", "artistnames", "artistname", "primaryartist", "artistsnames"];

    public static int? Id(IReadOnlyList<string> headers) => Find(headers, IdNames);

    public static int? Title(IReadOnlyList<string> headers) => Find(headers, TitleNames);

    public static int? Artists(IReadOnlyList<string> headers) => Find(headers, ArtistNames);

    public static int? Feature(IReadOnlyList<string> headers, string feature) => Find(headers, [Normalize(feature)]);

    public static int? Named(IReadOnlyList<string> headers, string name) => Find(headers, [Normalize(name)]);

    /// <summary>"spotify:track:ID" and "https://open.spotify.com/track/ID?si=..." become "ID".</summary>
    public static string TrackId(string value)
    {
        var id = value.Trim();
        if (id.StartsWith("spotify:track:", StringComparison.OrdinalIgnoreCase))
        {
            return id["spotify:track:".Length..];
        }
        var marker = id.IndexOf("/track/", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            id = id[(marker + "/track/".Length)..];
            var query = id.IndexOf('?', StringComparison.Ordinal);
            return query >= 0 ? id[..query] : id;
        }
        return id;
    }

    public static string Normalize(string header) =>
        new(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static int? Find(IReadOnlyList<string> headers, string[] names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (Normalize(headers[i]) == name)
                {
                    return i;
                }
            }
        }
        return null;
    }
}
