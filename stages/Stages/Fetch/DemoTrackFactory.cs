using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch;

/// <summary>Draws one song from a taste profile, with its features in their real ranges.</summary>
internal static class DemoTrackFactory
{
    private const string IdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly double[] TimbreWeights = [0, 0, 0, 0.8, -0.6, 0.4, -0.3, 0.5, -0.2, 0.3, -0.4, 0.2];
    private static readonly string[] Connectors = ["of the", "in the", "and", "for the", "under the", "to the"];

    public static DemoTrack Create(Sampler s, TasteProfile p)
    {
        var danceability = s.Beta(p.Danceability.A, p.Danceability.B);
        var energy = s.Beta(p.Energy.A, p.Energy.B);
        var acousticness = s.Beta(p.Acousticness.A, p.Acousticness.B);
        var valence = s.Beta(p.Valence.A, p.Valence.B);
        var speechiness = s.Beta(p.Speechiness.A, p.Speechiness.B);
        var instrumentalness = s.Chance(p.InstrumentalShare) ? s.Beta(3, 2) : s.Beta(0.3, 25);
        var liveness = s.Beta(1.5, 8);
        var loudness = Math.Clamp(-2 - (18 * Math.Pow(1 - energy, 1.3)) + s.Normal(0, 2), -60, 0);
        var tempo = Math.Clamp(s.Normal(p.TempoMean, p.TempoSd), 50, 220);
        var duration = Math.Round(Math.Clamp(p.DurationMedianMs * Math.Exp(s.Normal(0, 0.25)), 30_000, 900_000));
        var key = s.Chance(0.01) ? -1 : s.Below(12);
        var mode = s.Chance(p.MajorShare) ? 1 : 0;
        var meter = s.Uniform() switch { < 0.09 => 3, < 0.97 => 4, < 0.99 => 5, < 0.997 => 6, _ => 7 };
        double[] audio = [danceability, energy, key, loudness, mode, speechiness, acousticness, instrumentalness, liveness, valence, tempo, duration, meter];
        return new DemoTrack(Id(s), Title(s, p), s.Pick(p.ArtistWords), audio, Timbre(s, energy, danceability, acousticness), Pitch(s, key));
    }

    public static TrackTable ToTable(IReadOnlyList<(string User, DemoTrack Track)> rows)
    {
        var features = new List<NumericColumn>();
        for (var f = 0; f < AudioFeatures.All.Count; f++)
        {
            features.Add(new NumericColumn(AudioFeatures.All[f], rows.Select(r => r.Track.Audio[f]).ToArray(), AudioFeatures.IsIntegral(AudioFeatures.All[f])));
        }
        for (var k = 0; k < 12; k++)
        {
            features.Add(new NumericColumn($"timbre_{k}", rows.Select(r => r.Track.Timbre[k]).ToArray(), false));
        }
        for (var k = 0; k < 12; k++)
        {
            features.Add(new NumericColumn($"pitch_{k}", rows.Select(r => r.Track.Pitch[k]).ToArray(), false));
        }
        return new TrackTable(
            rows.Select(r => r.User).ToArray(), rows.Select(r => r.Track.Id).ToArray(),
            rows.Select(r => r.Track.Name).ToArray(), rows.Select(r => r.Track.Artists).ToArray(), features);
    }

    private static double[] Timbre(Sampler s, double energy, double danceability, double acousticness)
    {
        var timbre = new double[12];
        timbre[0] = Math.Clamp(30 + (25 * energy) + s.Normal(0, 3), 0, 60);
        timbre[1] = (20 * (danceability - 0.5)) - (40 * acousticness) + s.Normal(0, 10);
        timbre[2] = (30 * (energy - 0.5)) + s.Normal(0, 20);
        for (var k = 3; k < 12; k++)
        {
            timbre[k] = (TimbreWeights[k] * (energy - 0.5) * 20) + s.Normal(0, 12);
        }
        return timbre;
    }

    private static double[] Pitch(Sampler s, int key)
    {
        var pitch = new double[12];
        for (var k = 0; k < 12; k++)
        {
            pitch[k] = s.Beta(2, 4);
        }
        if (key >= 0)
        {
            pitch[key] = Math.Min(1, pitch[key] + 0.3);
            pitch[(key + 7) % 12] = Math.Min(1, pitch[(key + 7) % 12] + 0.15);
        }
        return pitch;
    }

    private static string Title(Sampler s, TasteProfile p) => s.Below(3) switch
    {
        0 => $"{s.Pick(p.TitleWords)} {s.Pick(p.TitleWords)}",
        1 => $"{s.Pick(p.TitleWords)} {s.Pick(Connectors)} {s.Pick(p.TitleWords)}",
        _ => s.Pick(p.TitleWords),
    };

    private static string Id(Sampler s) => string.Create(22, s, (span, sampler) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[sampler.Below(IdAlphabet.Length)];
        }
    });
}
