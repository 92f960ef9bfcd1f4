using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Pipeline.Stages.Data;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Evaluate;

/// <summary>
/// A predictions CSV (reports/predictions.csv, and what Predict writes), written and read by this one type: the
/// track, the true person (when known), the predicted person, and the probability of each person (6 decimals).
/// </summary>
public static class PredictionsFile
{
    private const string TrueUser = "true_user";
    private const string PredictedUser = "predicted_user";
    private const string ProbabilityPrefix = "p_";

    public static string Csv(IReadOnlyList<TrackIdentity> tracks, IReadOnlyList<string> classes, double[] probabilities, bool withTruth)
    {
        var text = new StringBuilder();
        var header = new List<string> { TrackColumns.TrackId, TrackColumns.Name, TrackColumns.Artists };
        if (withTruth)
        {
            header.Add(TrueUser);
        }
        header.Add(PredictedUser);
        header.AddRange(classes.Select(c => $"{ProbabilityPrefix}{c}"));
        text.AppendJoin(',', header.Select(Quote)).Append('\n');
        var predicted = ClassificationMetrics.Predicted(probabilities, classes.Count);
        for (var r = 0; r < tracks.Count; r++)
        {
            var cells = new List<string> { tracks[r].TrackId, tracks[r].Name, tracks[r].Artists };
            if (withTruth)
            {
                cells.Add(tracks[r].User);
            }
            cells.Add(classes[predicted[r]]);
            cells.AddRange(classes.Select((_, c) => probabilities[(r * classes.Count) + c].ToString("0.000000", CultureInfo.InvariantCulture)));
            text.AppendJoin(',', cells.Select(Quote)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads a predictions CSV written with the truth, probabilities in <paramref name="classes"/>' order.</summary>
    public static List<PredictedSong> Read(string path, IReadOnlyList<string> classes)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(File.ReadAllText(path));
        var songs = new List<PredictedSong>();
        foreach (var row in reader)
        {
            var probabilities = new double[classes.Count];
            for (var c = 0; c < classes.Count; c++)
            {
                probabilities[c] = double.Parse(row[$"{ProbabilityPrefix}{classes[c]}"].Span, CultureInfo.InvariantCulture);
            }
            songs.Add(new PredictedSong(row[TrackColumns.TrackId].ToString(), row[TrackColumns.Name].ToString(), row[TrackColumns.Artists].ToString(),
                row[TrueUser].ToString(), row[PredictedUser].ToString(), probabilities));
        }
        return songs;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}

/// <summary>One test song as Evaluate predicted it: who liked it, whom the model picked, and each person's probability.</summary>
public sealed record PredictedSong(string TrackId, string Name, string Artists, string TrueUser, string PredictedUser, double[] Probabilities);
