using System.Globalization;
using System.Text;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Evaluate;

/// <summary>A predictions CSV: the track, the true and predicted person, and the probability of each person (6 decimals).</summary>
public static class PredictionsWriter
{
    public static string Csv(IReadOnlyList<TrackIdentity> tracks, IReadOnlyList<string> classes, double[] probabilities, bool withTruth)
    {
        var text = new StringBuilder();
        var header = new List<string> { "track_id", "name", "artists" };
        if (withTruth)
        {
            header.Add("true_user");
        }
        header.Add("predicted_user");
        header.AddRange(classes.Select(c => $"p_{c}"));
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

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
