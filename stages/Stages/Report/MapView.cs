using System.Globalization;
using Pipeline.Stages.Embed;

namespace Pipeline.Stages.Report;

/// <summary>
/// How the map of the songs is framed and drawn, for the PNG and the interactive map alike: axis limits that a
/// few far points cannot stretch (and how many lie outside them), marker size and opacity for the number of songs,
/// which songs the interactive map carries, and whether many songs share one spot.
/// </summary>
public sealed record MapView(double XMin, double XMax, double YMin, double YMax, int Outside, double MarkerSize, double Opacity)
{
    /// <summary>The interactive map carries at most this many songs (all test songs first), so report.html stays small.</summary>
    public const int InteractiveLimit = 20_000;

    /// <summary>Rings round test mistakes: a little bigger than the markers, thinner and fainter when there are many, so they mark without covering.</summary>
    public double RingSize => Math.Round(MarkerSize + Math.Clamp(MarkerSize, 2, 5), 1);

    public double RingWidth => Math.Round(Math.Clamp(MarkerSize / 3.5, 0.6, 1.6), 2);

    public double RingOpacity => Math.Round(Math.Clamp(Opacity * 1.4, 0.5, 1), 2);

    /// <summary>Limits from the 0.1% and 99.9% quantiles, widened by a tenth of that range: a far point no longer squeezes the rest.</summary>
    public static MapView For(IReadOnlyList<EmbeddedSong> songs)
    {
        if (songs.Count == 0)
        {
            return new MapView(-1, 1, -1, 1, 0, 5, 0.7);
        }
        var (xMin, xMax) = Frame(songs.Select(s => s.X));
        var (yMin, yMax) = Frame(songs.Select(s => s.Y));
        var outside = songs.Count(s => s.X < xMin || s.X > xMax || s.Y < yMin || s.Y > yMax);
        var n = songs.Count;
        var size = Math.Clamp(10 / Math.Pow(n / 100.0, 0.25), 2, 8);
        var opacity = Math.Clamp(0.7 * Math.Pow(1000.0 / n, 0.23), 0.25, 0.8);
        return new MapView(xMin, xMax, yMin, yMax, outside, Math.Round(size, 1), Math.Round(opacity, 2));
    }

    /// <summary>The songs the interactive map shows: every test song, then training songs evenly spaced in their order, up to the limit.</summary>
    public static IReadOnlyList<EmbeddedSong> Interactive(IReadOnlyList<EmbeddedSong> songs, int limit = InteractiveLimit)
    {
        if (songs.Count <= limit)
        {
            return songs;
        }
        var test = songs.Where(s => s.Split == "test").Take(limit).ToList();
        var train = songs.Where(s => s.Split != "test").ToList();
        var room = limit - test.Count;
        return [.. test, .. Enumerable.Range(0, Math.Max(room, 0)).Select(i => train[(int)((long)i * train.Count / room)])];
    }

    /// <summary>"3 songs lie outside the frame", or null.</summary>
    public string? OutsideNote => Outside == 0 ? null
        : string.Create(CultureInfo.InvariantCulture, $"{Outside:N0} {(Outside == 1 ? "song lies" : "songs lie")} far out, beyond the frame (drag or double-click the interactive map to see {(Outside == 1 ? "it" : "them")}).");

    private static (double Min, double Max) Frame(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var lo = Data.Quantile.Of(sorted, 0.001);
        var hi = Data.Quantile.Of(sorted, 0.999);
        var pad = Math.Max((hi - lo) * 0.1, 1e-6);
        return (Math.Max(sorted[0], lo - pad) - (hi - lo) * 0.02, Math.Min(sorted[^1], hi + pad) + (hi - lo) * 0.02);
    }
}
