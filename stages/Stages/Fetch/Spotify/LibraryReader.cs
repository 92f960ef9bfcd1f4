using System.Net;
using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// A person's liked songs (GET /me/tracks) or a playlist's items (GET /playlists/{id}/items, or the older
/// /tracks path when a server lacks it), 50 a page, following <c>next</c>. Local files, episodes and items
/// without a track id are skipped and counted. An item's track may be under <c>track</c> or <c>item</c>.
/// </summary>
public sealed class LibraryReader(JsonApi api, string apiUrl)
{
    public const int PageSize = 50;
    private const int MaxPages = 20_000;

    public async Task<Library> Read(UserBearer bearer, string? playlist, IProgress<(string, long, long)> progress, CancellationToken cancel)
    {
        var library = new Library(playlist is null ? "liked songs" : $"playlist {playlist}");
        var phase = $"{bearer.User}: {(playlist is null ? "liked songs" : "playlist")}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? url = playlist is null ? $"{apiUrl}/me/tracks?limit={PageSize}" : $"{apiUrl}/playlists/{playlist}/items?limit={PageSize}";
        progress.Report((phase, 0, 0));
        while (url is not null && visited.Add(url) && visited.Count <= MaxPages)
        {
            var endpoint = $"GET {url}";
            using var answer = await api.Get(url, endpoint, bearer, cancel).ConfigureAwait(false);
            if (answer.Status == HttpStatusCode.NotFound && playlist is not null && visited.Count == 1 && url.Contains("/items?", StringComparison.Ordinal))
            {
                url = $"{apiUrl}/playlists/{playlist}/tracks?limit={PageSize}";
                continue;
            }
            var body = Body(answer, endpoint, bearer.User, playlist);
            try
            {
                var total = body.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : 0;
                foreach (var item in body.GetProperty("items").EnumerateArray())
                {
                    Add(library, seen, item);
                }
                progress.Report((phase, library.Listed, Math.Max(total, library.Listed)));
                url = body.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw SpotifyErrors.Malformed(endpoint, $"a page of items was expected ({e.Message})");
            }
        }
        progress.Report((phase, library.Listed, library.Listed == 0 ? 0 : library.Listed));
        return library;
    }

    private static JsonElement Body(JsonAnswer answer, string endpoint, string user, string? playlist) => answer switch
    {
        { Status: HttpStatusCode.NotFound } when playlist is not null => throw SpotifyErrors.PlaylistNotFound(user, playlist),
        { Status: HttpStatusCode.Forbidden } => throw SpotifyErrors.LibraryForbidden(user, endpoint, ""),
        { Body: { } document } => document.RootElement,
        _ => throw SpotifyErrors.Failed(endpoint, answer.Status, 1),
    };

    private static void Add(Library library, HashSet<string> seen, JsonElement item)
    {
        library.Listed++;
        var track = item.TryGetProperty("track", out var t) && t.ValueKind == JsonValueKind.Object ? t
            : item.TryGetProperty("item", out var i) && i.ValueKind == JsonValueKind.Object ? i
            : default;
        if (IsTrue(item, "is_local") || (track.ValueKind == JsonValueKind.Object && IsTrue(track, "is_local")))
        {
            library.LocalFiles++;
            return;
        }
        if (track.ValueKind != JsonValueKind.Object)
        {
            library.Unavailable++;
            return;
        }
        if (Text(track, "type") is { } type && type.Equals("episode", StringComparison.OrdinalIgnoreCase))
        {
            library.Episodes++;
            return;
        }
        if (Text(track, "id") is not { Length: > 0 } id)
        {
            library.Unavailable++;
            return;
        }
        if (!seen.Add(id))
        {
            library.Duplicates++;
            return;
        }
        var artists = track.TryGetProperty("artists", out var a) && a.ValueKind == JsonValueKind.Array
            ? string.Join(", ", a.EnumerateArray().Select(x => Text(x, "name")).Where(n => n is not null))
            : "";
        var duration = track.TryGetProperty("duration_ms", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt64() : 0;
        library.Tracks.Add(new LibraryTrack(id, Text(track, "name") ?? "", artists, duration));
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
