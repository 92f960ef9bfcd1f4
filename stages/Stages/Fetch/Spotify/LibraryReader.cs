using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// A person's liked songs (GET /me/tracks) or a playlist's items (GET /playlists/{id}/items, or the older
/// /tracks path when a server lacks it), 50 a page. The first page gives the total; when its <c>next</c> is
/// an offset link, the remaining pages are asked at once with that link's offset moved on, else <c>next</c> is
/// followed page by page. Local files, episodes and items without a track id are skipped and counted. An
/// item's track may be under <c>track</c> or <c>item</c>.
/// The answers are hostile until checked: a link to any other scheme, host or port than the API's is refused (the
/// token goes nowhere else), paging stops at the total, at a page that brings nothing new, or at a ceiling from the
/// total and the page size, and a total no library can have is refused.
/// </summary>
public sealed partial class LibraryReader(JsonApi api, string apiUrl)
{
    public const int PageSize = 50;

    /// <summary>More than any library or playlist holds (Spotify caps playlists at 10,000 items; liked songs are far below this).</summary>
    public const long MaxTotal = 1_000_000;

    public async Task<Library> Read(UserBearer bearer, string? playlist, IProgress<(string, long, long)> progress, CancellationToken cancel)
    {
        var library = new Library(playlist is null ? "liked songs" : $"playlist {playlist}");
        var phase = $"{bearer.User}: {(playlist is null ? "liked songs" : "playlist")}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        long arrived = 0, total = 0;
        async Task<Page> Get(string url, CancellationToken stop)
        {
            var page = await Fetch(url, bearer, stop).ConfigureAwait(false);
            total = Math.Max(total, page.Total);
            progress.Report((phase, Interlocked.Add(ref arrived, page.Items.Count), Math.Max(total, arrived)));
            return page;
        }
        progress.Report((phase, 0, 0));
        var url = playlist is null ? $"{apiUrl}/me/tracks?limit={PageSize}" : $"{apiUrl}/playlists/{playlist}/items?limit={PageSize}";
        var pages = new List<Page> { await Get(url, cancel).ConfigureAwait(false) };
        if (pages[0].Missing && playlist is not null)
        {
            // A server without the 2026 /items path: the older /tracks path serves the same pages.
            url = $"{apiUrl}/playlists/{playlist}/tracks?limit={PageSize}";
            pages[0] = await Get(url, cancel).ConfigureAwait(false);
        }
        visited.Add(url);
        if (pages[0].Missing)
        {
            throw playlist is null ? SpotifyErrors.Failed($"GET {url}", HttpStatusCode.NotFound, 1) : SpotifyErrors.PlaylistNotFound(bearer.User, playlist);
        }
        // The server's own page size is what its first page brought (some cap it below the 50 asked).
        var ceiling = total > 0 ? PageCeiling(total, Math.Max(1, pages[0].Items.Count)) : (int)(MaxTotal / PageSize);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        bool BringsNew(Page page)
        {
            var added = false;
            foreach (var item in page.Items)
            {
                added |= distinct.Add(item.GetRawText());
            }
            return added;
        }
        var news = BringsNew(pages[0]);
        while (pages[^1].Next is { } next && news && (total == 0 || distinct.Count < total) && visited.Add(next))
        {
            var rest = RemainingPages(Checked(next, url), total, ceiling);
            if (visited.Count + rest.Count > ceiling + 1)
            {
                throw SpotifyErrors.TooManyPages($"GET {url}", visited.Count, total);
            }
            visited.UnionWith(rest);
            var more = await Concurrently.Run(rest.Select(u => (Func<CancellationToken, Task<Page>>)(stop => Get(u, stop))), cancel).ConfigureAwait(false);
            news = more.Select(BringsNew).ToList().Any(b => b);
            pages.AddRange(more);
        }
        foreach (var item in pages.SelectMany(p => p.Items))
        {
            Add(library, seen, item);
        }
        progress.Report((phase, library.Listed, library.Listed == 0 ? 0 : library.Listed));
        return library;
    }

    /// <summary>At most the pages the total needs, and two more for a library that grew while it was read.</summary>
    private static int PageCeiling(long total, int pageSize) => (int)(Math.Max(total, 0) / pageSize) + 3;

    /// <summary>A paging link must point at the API itself (scheme, host, port and path under it); else it is refused, never followed.</summary>
    private string Checked(string link, string asked)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var to) && Uri.TryCreate(apiUrl.TrimEnd('/') + "/", UriKind.Absolute, out var api)
            && to.Scheme == api.Scheme && string.Equals(to.Host, api.Host, StringComparison.OrdinalIgnoreCase) && to.Port == api.Port
            && to.AbsolutePath.StartsWith(api.AbsolutePath, StringComparison.Ordinal) && to.UserInfo.Length == 0)
        {
            return link;
        }
        throw SpotifyErrors.ForeignLink($"GET {asked}", link, apiUrl);
    }

    /// <summary>The items of one page (kept past the answer), the total it names and its next link; Missing for a 404.</summary>
    private sealed record Page(List<JsonElement> Items, long Total, string? Next, bool Missing = false);

    private async Task<Page> Fetch(string url, UserBearer bearer, CancellationToken cancel)
    {
        var endpoint = $"GET {url}";
        using var answer = await api.Get(url, endpoint, bearer, cancel).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return new Page([], 0, null, Missing: true);
        }
        var body = Body(answer, endpoint, bearer.User);
        Page page;
        try
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"the answer is {body.ValueKind}, not an object");
            }
            var total = !body.TryGetProperty("total", out var t) || t.ValueKind == JsonValueKind.Null ? 0
                : t.ValueKind == JsonValueKind.Number ? t.GetInt64() : throw new InvalidOperationException($"'total' is {t.ValueKind}, not a number");
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList();
            if (items.FirstOrDefault(i => i.ValueKind != JsonValueKind.Object) is { ValueKind: not JsonValueKind.Undefined } odd)
            {
                throw new InvalidOperationException($"an item is {odd.ValueKind}, not an object");
            }
            var next = !body.TryGetProperty("next", out var n) || n.ValueKind == JsonValueKind.Null ? null
                : n.ValueKind == JsonValueKind.String ? n.GetString() : throw new InvalidOperationException($"'next' is {n.ValueKind}, not a link");
            page = new Page(items, total, next);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw SpotifyErrors.Malformed(endpoint, $"a page of items was expected ({e.Message})");
        }
        if (page.Total is < 0 or > MaxTotal)
        {
            throw SpotifyErrors.AbsurdTotal(endpoint, page.Total, MaxTotal);
        }
        return page;
    }

    /// <summary>
    /// The pages from <paramref name="next"/> to the end: when next is an offset link and the total is known, every
    /// remaining offset; else just next, to be followed one page at a time.
    /// </summary>
    private static List<string> RemainingPages(string next, long total, int ceiling)
    {
        var offset = Offset().Match(next);
        var limit = Limit().Match(next);
        if (!offset.Success || !limit.Success || total <= 0
            || !int.TryParse(offset.Groups["value"].Value, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(limit.Groups["value"].Value, CultureInfo.InvariantCulture, out var step) || step < 1)
        {
            return [next];
        }
        var urls = new List<string>();
        for (long at = from; at < total && urls.Count <= ceiling; at += step)
        {
            urls.Add(Offset().Replace(next, m => string.Create(CultureInfo.InvariantCulture, $"{m.Groups["before"].Value}offset={at}"), 1));
        }
        return urls.Count == 0 ? [next] : urls;
    }

    [GeneratedRegex(@"(?<before>[?&])offset=(?<value>\d+)")]
    private static partial Regex Offset();

    [GeneratedRegex(@"[?&]limit=(?<value>\d+)")]
    private static partial Regex Limit();

    private static JsonElement Body(JsonAnswer answer, string endpoint, string user) => answer switch
    {
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
