using System.Text.RegularExpressions;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>A playlist as people paste it: an id, a spotify:playlist: URI or an open.spotify.com/playlist/ link.</summary>
public static partial class PlaylistIds
{
    /// <summary>The bare id, or null when the text is none of those.</summary>
    public static string? Normalize(string text)
    {
        var match = Form().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^(?:spotify:playlist:|https?://open\.spotify\.com/(?:intl-[a-z-]+/)?playlist/)?(?<id>[A-Za-z0-9]{1,64})(?:\?.*)?$")]
    private static partial Regex Form();
}
