using System.Text;
using System.Text.Json;

namespace Pipeline.Stages.Evaluate;

/// <summary>reports/metrics.json: keys in a fixed order, numbers rounded to 4 decimals, nothing that varies between identical runs.</summary>
public static class MetricsWriter
{
    public const int Decimals = 4;

    public static void Write(string path, EvaluationResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            double[] headline = [result.Accuracy, result.F1Macro, result.Auc, result.LogLoss];
            for (var m = 0; m < Bootstrap.Metrics.Length; m++)
            {
                Number(json, Bootstrap.Metrics[m], headline[m]);
                if (result.Intervals.Count > 0)
                {
                    json.WriteStartArray($"{Bootstrap.Metrics[m]}_ci");
                    NumberValue(json, result.Intervals[m].Low);
                    NumberValue(json, result.Intervals[m].High);
                    json.WriteEndArray();
                }
            }
            Number(json, "baseline_accuracy", result.BaselineAccuracy);
            json.WriteStartObject("confusion_matrix");
            json.WriteStartArray("labels");
            result.Classes.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("matrix");
            for (var t = 0; t < result.Classes.Count; t++)
            {
                json.WriteStartArray();
                for (var p = 0; p < result.Classes.Count; p++)
                {
                    json.WriteNumberValue(result.Confusion[t, p]);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("per_user");
            for (var c = 0; c < result.Classes.Count; c++)
            {
                var (precision, recall, f1, support) = result.PerUser[c];
                json.WriteStartObject(result.Classes[c]);
                Number(json, "precision", precision);
                Number(json, "recall", recall);
                Number(json, "f1", f1);
                json.WriteNumber("support", support);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("feature_importance");
            foreach (var (feature, drop) in result.Importance)
            {
                json.WriteStartObject();
                json.WriteString("feature", feature);
                Number(json, "auc_drop", drop);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (result.CrossValidation is { } cv)
            {
                var chosen = cv.Scores.First(s => s.Model == cv.Chosen);
                json.WriteStartObject("cv");
                json.WriteNumber("folds", chosen.Folds);
                Number(json, "auc_mean", chosen.AucMean);
                Number(json, "auc_sd", chosen.AucSd);
                Number(json, "accuracy_mean", chosen.AccuracyMean);
                Number(json, "accuracy_sd", chosen.AccuracySd);
                json.WriteEndObject();
                if (cv.Scores.Count > 1)
                {
                    json.WriteStartArray("model_choice");
                    foreach (var score in cv.Scores)
                    {
                        json.WriteStartObject();
                        json.WriteString("model", score.Model);
                        Number(json, "auc_mean", score.AucMean);
                        Number(json, "auc_sd", score.AucSd);
                        json.WriteBoolean("chosen", score.Model == cv.Chosen);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
            }
            json.WriteString("model", result.Model);
            json.WriteStartObject("rows");
            json.WriteNumber("train", result.TrainRows);
            json.WriteNumber("test", result.TestRows);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    private static void NumberValue(Utf8JsonWriter json, double value) =>
        json.WriteNumberValue(Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0);

    private static void Number(Utf8JsonWriter json, string name, double value) =>
        json.WriteNumber(name, Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0);
}
