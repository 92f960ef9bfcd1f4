using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SpotifyFake;

/// <summary>
/// The fake's music: track objects, audio features and analyses, made from the real samples' shapes with
/// values derived from each id, so every run of a test sees the same catalogue.
/// </summary>
public sealed class FakeCatalog
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly JsonObject trackTemplate;
    private readonly JsonObject featuresTemplate;
    private readonly JsonObject analysisTemplate;

    public FakeCatalog()
    {
        trackTemplate = Samples.Read("saved-tracks-page.json")["items"]![0]!["track"]!.AsObject();
        trackTemplate.Remove("available_markets");
        trackTemplate["album"]!.AsObject().Remove("available_markets");
        featuresTemplate = Samples.Read("audio-features-several.json")["audio_features"]![0]!.AsObject();
        analysisTemplate = Samples.Read("audio-analysis-minimal.json").AsObject();
    }

    public Dictionary<string, JsonObject> Tracks { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids Spotify's audio-features answers null for.</summary>
    public HashSet<string> UnknownToSpotify { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids ReccoBeats leaves out of its answer.</summary>
    public HashSet<string> UnknownToReccoBeats { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids whose audio-analysis answers 404.</summary>
    public HashSet<string> WithoutAnalysis { get; } = new(StringComparer.Ordinal);

    /// <summary>Analyses served as given (e.g. the real 428-segment sample) instead of a made-up one.</summary>
    public Dictionary<string, JsonNode> Analyses { get; } = new(StringComparer.Ordinal);

    public static string IdFor(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return string.Concat(hash.Take(22).Select(b => Base62[b % 62]));
    }

    /// <summary>A liked-songs item (<c>added_at</c>, <c>track</c>) for a new track of the catalogue.</summary>
    public JsonObject Liked(string seed, string? name = null, string? artist = null)
    {
        var id = IdFor(seed);
        var track = trackTemplate.DeepClone().AsObject();
        track["id"] = id;
        track["name"] = name ?? $"Song {seed}";
        track["uri"] = $"spotify:track:{id}";
        track["href"] = $"https://api.spotify.com/v1/tracks/{id}";
        track["duration_ms"] = 120_000 + (int)(Unit(id, 20) * 240_000);
        track["artists"]![0]!["name"] = artist ?? $"Artist {seed.Length % 7}";
        Tracks[id] = track;
        return new JsonObject { ["added_at"] = "2024-01-01T00:00:00Z", ["track"] = track.DeepClone() };
    }

    public static JsonObject LocalFile(string name) => new()
    {
        ["added_at"] = "2024-01-01T00:00:00Z",
        ["is_local"] = true,
        ["track"] = new JsonObject { ["id"] = null, ["name"] = name, ["is_local"] = true, ["type"] = "track", ["artists"] = new JsonArray() },
    };

    public static JsonObject Episode(string seed) => new()
    {
        ["added_at"] = "2024-01-01T00:00:00Z",
        ["track"] = new JsonObject { ["id"] = IdFor("episode " + seed), ["name"] = $"Episode {seed}", ["type"] = "episode" },
    };

    public static JsonObject Unavailable() => new() { ["added_at"] = "2024-01-01T00:00:00Z", ["track"] = null };

    public JsonObject? SpotifyFeatures(string id)
    {
        if (!Tracks.TryGetValue(id, out var track) || UnknownToSpotify.Contains(id))
        {
            return null;
        }
        var features = featuresTemplate.DeepClone().AsObject();
        foreach (var (name, value) in Values(id))
        {
            features[name] = value;
        }
        features["id"] = id;
        features["uri"] = $"spotify:track:{id}";
        features["track_href"] = $"https://api.spotify.com/v1/tracks/{id}";
        features["analysis_url"] = $"https://api.spotify.com/v1/audio-analysis/{id}";
        features["duration_ms"] = track["duration_ms"]!.GetValue<int>();
        return features;
    }

    /// <summary>ReccoBeats' shape: its own uuid, the Spotify id at the end of href, no time_signature or duration_ms.</summary>
    public JsonObject? ReccoBeatsFeatures(string id)
    {
        if (!Tracks.ContainsKey(id) || UnknownToReccoBeats.Contains(id))
        {
            return null;
        }
        var item = new JsonObject
        {
            ["id"] = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16)).ToString(),
            ["href"] = $"https://open.spotify.com/track/{id}",
            ["isrc"] = $"XX{id[..10].ToUpperInvariant()}",
        };
        foreach (var (name, value) in Values(id).Where(v => v.Name != "time_signature"))
        {
            item[name] = value;
        }
        return item;
    }

    public JsonNode? Analysis(string id)
    {
        if (Analyses.TryGetValue(id, out var given))
        {
            return given.DeepClone();
        }
        if (!Tracks.ContainsKey(id) || WithoutAnalysis.Contains(id))
        {
            return null;
        }
        var analysis = analysisTemplate.DeepClone().AsObject();
        var template = analysis["segments"]![0]!.AsObject();
        var segments = new JsonArray();
        for (var s = 0; s < 2 + (int)(Unit(id, 30) * 4); s++)
        {
            var segment = template.DeepClone().AsObject();
            segment["timbre"] = new JsonArray([.. Enumerable.Range(0, 12).Select(k => JsonValue.Create(Math.Round(Unit(id, 100 + s * 24 + k) * 200 - 100, 3)))]);
            segment["pitches"] = new JsonArray([.. Enumerable.Range(0, 12).Select(k => JsonValue.Create(Math.Round(Unit(id, 112 + s * 24 + k), 3)))]);
            segments.Add(segment);
        }
        analysis["segments"] = segments;
        return analysis;
    }

    private static List<(string Name, JsonNode Value)> Values(string id) =>
    [
        ("danceability", Round(Unit(id, 1))), ("energy", Round(Unit(id, 2))), ("key", (int)(Unit(id, 3) * 13) - 1),
        ("loudness", Round(-30 + Unit(id, 4) * 28)), ("mode", Unit(id, 5) < 0.6 ? 1 : 0), ("speechiness", Round(Unit(id, 6) * 0.5)),
        ("acousticness", Round(Unit(id, 7))), ("instrumentalness", Round(Unit(id, 8) * Unit(id, 9))), ("liveness", Round(Unit(id, 10) * 0.6)),
        ("valence", Round(Unit(id, 11))), ("tempo", Round(60 + Unit(id, 12) * 140)), ("time_signature", 3 + (int)(Unit(id, 13) * 3)),
    ];

    private static JsonValue Round(double value) => JsonValue.Create(Math.Round(value, 4));

    /// <summary>A number in [0, 1) fixed by the id and a salt.</summary>
    private static double Unit(string id, int salt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}/{salt}")));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue * 0.999999;
    }
}
