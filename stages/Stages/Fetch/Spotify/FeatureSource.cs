using System.Net;
using System.Text.Json;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// Audio features for a batch of Spotify track ids, from Spotify (100 a request) or ReccoBeats (40 a request,
/// matched back by the Spotify id that ends each item's href; no time_signature, no duration_ms). An id the
/// provider does not know maps to null: left out and counted, never lost silently.
/// </summary>
public abstract class FeatureSource(JsonApi api)
{
    /// <summary>What every provider gives; a track missing one of these counts as unknown.</summary>
    public static IReadOnlyList<string> Core { get; } = [.. AudioFeatures.All.Where(f => f is not "duration_ms" and not "time_signature")];

    public abstract string Name { get; }

    public abstract int BatchSize { get; }

    public static FeatureSource For(string provider, JsonApi api, SpotifyEndpoints endpoints) => provider switch
    {
        "reccobeats" => new ReccoBeatsFeatures(api, endpoints.ReccoBeatsUrl),
        _ => new SpotifyFeatures(api, endpoints.ApiUrl),
    };

    public async Task<Dictionary<string, SortedDictionary<string, double>?>> Fetch(IReadOnlyList<string> ids, UserBearer bearer, CancellationToken cancel)
    {
        var url = Url(string.Join(',', ids));
        var endpoint = $"GET {Url("")}<{ids.Count} ids>";
        using var answer = await api.Get(url, endpoint, Authorized ? bearer : null, cancel).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.Forbidden && Authorized)
        {
            throw SpotifyErrors.FeaturesClosed(endpoint);
        }
        var found = new Dictionary<string, SortedDictionary<string, double>?>(StringComparer.Ordinal);
        if (answer.Body is { } body)
        {
            try
            {
                foreach (var item in Items(body.RootElement))
                {
                    // Spotify answers null for an id it does not know; anything else must be an object.
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidOperationException($"an item is {item.ValueKind}, not an object");
                    }
                    if (IdOf(item) is { } id && Values(item) is { } values)
                    {
                        found[id] = values;
                    }
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw SpotifyErrors.Malformed(endpoint, $"a list of audio features was expected ({e.Message})");
            }
        }
        else if (answer.Status != HttpStatusCode.NotFound)
        {
            throw SpotifyErrors.Failed(endpoint, answer.Status, 1);
        }
        return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id), StringComparer.Ordinal);
    }

    /// <summary>Spotify wants the person's token; ReccoBeats wants none.</summary>
    protected abstract bool Authorized { get; }

    protected abstract string Url(string joinedIds);

    protected abstract IEnumerable<JsonElement> Items(JsonElement root);

    protected abstract string? IdOf(JsonElement item);

    private static SortedDictionary<string, double>? Values(JsonElement item)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in AudioFeatures.All)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            values[name] = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
                ? number
                : throw new InvalidOperationException($"'{name}' is {value.ValueKind}, not a number");
        }
        return Core.All(values.ContainsKey) ? values : null;
    }

    private sealed class SpotifyFeatures(JsonApi api, string apiUrl) : FeatureSource(api)
    {
        public override string Name => "spotify";
        public override int BatchSize => 100;
        protected override bool Authorized => true;
        protected override string Url(string joinedIds) => $"{apiUrl}/audio-features?ids={joinedIds}";
        protected override IEnumerable<JsonElement> Items(JsonElement root) =>
            root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("audio_features").EnumerateArray();
        protected override string? IdOf(JsonElement item) =>
            !item.TryGetProperty("id", out var id) ? null : id.ValueKind == JsonValueKind.String ? id.GetString()
            : throw new InvalidOperationException($"'id' is {id.ValueKind}, not a string");
    }

    private sealed class ReccoBeatsFeatures(JsonApi api, string reccoUrl) : FeatureSource(api)
    {
        public override string Name => "reccobeats";
        public override int BatchSize => 40;
        protected override bool Authorized => false;
        protected override string Url(string joinedIds) => $"{reccoUrl}/audio-features?ids={joinedIds}";
        protected override IEnumerable<JsonElement> Items(JsonElement root) => root.GetProperty("content").EnumerateArray();

        /// <summary>ReccoBeats' own id is a uuid; the Spotify id ends the href: https://open.spotify.com/track/ID.</summary>
        protected override string? IdOf(JsonElement item)
        {
            if (!item.TryGetProperty("href", out var href) || href.GetString() is not { } link)
            {
                return null;
            }
            var path = link.Split('?', '#')[0].TrimEnd('/');
            var id = path[(path.LastIndexOf('/') + 1)..];
            return id.Length > 0 ? id : null;
        }
    }
}
