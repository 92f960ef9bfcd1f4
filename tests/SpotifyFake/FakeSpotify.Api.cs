using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SpotifyFake;

/// <summary>The Web API (/v1) and ReccoBeats (/recco/v1).</summary>
public sealed partial class FakeSpotify
{
    private int analyses;

    /// <summary>Each person's liked songs, as saved-track items, in the order /me/tracks lists them.</summary>
    public ConcurrentDictionary<string, List<JsonObject>> Liked { get; } = new(StringComparer.Ordinal);

    /// <summary>At most this many items a page, whatever limit is asked (as some servers cap it).</summary>
    public int PageCap { get; set; } = 50;

    /// <summary>next links name a page number instead of an offset (a server with opaque cursors).</summary>
    public bool OpaqueNext { get; set; }

    /// <summary>Changes every paging answer before it is sent (a hostile or broken server): the page, and the requested offset.</summary>
    public Func<JsonObject, int, JsonNode?>? TamperPage { get; set; }

    /// <summary>Changes every audio-features answer before it is sent.</summary>
    public Func<JsonObject, JsonNode?>? TamperFeatures { get; set; }

    /// <summary>Playlists by id: items with a track each.</summary>
    public ConcurrentDictionary<string, List<JsonObject>> Playlists { get; } = new(StringComparer.Ordinal);

    private (int, JsonNode?) Api(HttpRequest request, string path)
    {
        if (UserOf(request) is not { } user)
        {
            return (401, Error(401, "The access token expired"));
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["me"] => (200, new JsonObject { ["id"] = user, ["display_name"] = user, ["type"] = "user" }),
            ["me", "tracks"] => Page(request, $"/v1{path}", Liked.GetValueOrDefault(user) ?? [], "track"),
            ["playlists", var id, "items"] when !NoItemsPath && Playlists.TryGetValue(id, out var items) => Page(request, $"/v1{path}", items, "item"),
            ["playlists", var id, "tracks"] when Playlists.TryGetValue(id, out var items) => Page(request, $"/v1{path}", items, "track"),
            ["audio-features"] => AudioFeatures(request),
            ["audio-analysis", var id] => AudioAnalysis(id),
            _ => (404, Error(404, "Not found.")),
        };
    }

    /// <summary>A paging object as /me/tracks gives it; <paramref name="key"/> is where each item's track sits.</summary>
    private (int, JsonNode?) Page(HttpRequest request, string path, List<JsonObject> items, string key)
    {
        var limit = int.TryParse(request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 20;
        var offset = int.TryParse(request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (limit is < 1 or > 50 || offset < 0)
        {
            return (400, Error(400, "Invalid limit"));
        }
        limit = Math.Min(limit, PageCap);
        if (int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var number))
        {
            offset = number * limit;
        }
        var page = new JsonArray();
        foreach (var item in items.Skip(offset).Take(limit))
        {
            var copy = item.DeepClone().AsObject();
            if (key != "track" && copy.Remove("track", out var track))
            {
                copy[key] = track;
            }
            page.Add(copy);
        }
        string Link(int at) => OpaqueNext
            ? string.Create(CultureInfo.InvariantCulture, $"{Url}{path}?page={at / limit}&limit={limit}")
            : string.Create(CultureInfo.InvariantCulture, $"{Url}{path}?offset={at}&limit={limit}");
        var answer = new JsonObject
        {
            ["href"] = Link(offset),
            ["items"] = page,
            ["limit"] = limit,
            ["next"] = offset + limit < items.Count ? Link(offset + limit) : null,
            ["offset"] = offset,
            ["previous"] = offset > 0 ? Link(Math.Max(0, offset - limit)) : null,
            ["total"] = items.Count,
        };
        return (200, TamperPage is { } tamper ? tamper(answer, offset) : answer);
    }

    private (int, JsonNode?) AudioFeatures(HttpRequest request)
    {
        if (FeaturesClosed)
        {
            return (403, Error(403, "Forbidden"));
        }
        var ids = Ids(request);
        if (ids.Length is 0 or > 100)
        {
            return (400, Error(400, "Too many ids requested"));
        }
        var answer = new JsonObject { ["audio_features"] = new JsonArray([.. ids.Select(id => (JsonNode?)Catalog.SpotifyFeatures(id))]) };
        return (200, TamperFeatures is { } tamper ? tamper(answer) : answer);
    }

    private (int, JsonNode?) AudioAnalysis(string id)
    {
        if (FeaturesClosed)
        {
            return (403, Error(403, "Forbidden"));
        }
        OnAnalysis?.Invoke(Interlocked.Increment(ref analyses));
        return Catalog.Analysis(id) is { } analysis ? (200, analysis) : (404, Error(404, "analysis not found"));
    }

    /// <summary>ReccoBeats: no key; at most 40 ids, extras silently dropped; unknown ids left out.</summary>
    private (int, JsonNode?) ReccoBeats(HttpRequest request, string path)
    {
        if (path != "/audio-features")
        {
            return (404, new JsonObject { ["error"] = "Not Found" });
        }
        var known = Ids(request).Take(40).Select(Catalog.ReccoBeatsFeatures).Where(f => f is not null);
        return (200, new JsonObject { ["content"] = new JsonArray([.. known]) });
    }

    private static string[] Ids(HttpRequest request) =>
        request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
