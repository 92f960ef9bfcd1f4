using System.Text.Json;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// An audio analysis reduced as the original project did: the mean of each of the 12 timbre and 12 pitch
/// values over all segments (unweighted), timbre first. Null when the analysis has no segments.
/// </summary>
public static class AnalysisReducer
{
    public const int Dimensions = 12;

    public static double[]? Reduce(JsonElement analysis)
    {
        var sums = new double[2 * Dimensions];
        var count = 0;
        foreach (var segment in analysis.GetProperty("segments").EnumerateArray())
        {
            Add(segment.GetProperty("timbre"), sums, 0);
            Add(segment.GetProperty("pitches"), sums, Dimensions);
            count++;
        }
        if (count == 0)
        {
            return null;
        }
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] /= count;
        }
        return sums;
    }

    private static void Add(JsonElement values, double[] sums, int offset)
    {
        if (values.GetArrayLength() != Dimensions)
        {
            throw new InvalidOperationException($"a segment has {values.GetArrayLength()} values where {Dimensions} were expected");
        }
        var k = 0;
        foreach (var value in values.EnumerateArray())
        {
            sums[offset + k++] += value.GetDouble();
        }
    }
}
