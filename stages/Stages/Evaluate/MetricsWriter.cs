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
            Number(json, "accuracy", result.Accuracy);
            Number(json, "f1_macro", result.F1Macro);
            Number(json, "auc", result.Auc);
            Number(json, "log_loss", result.LogLoss);
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
            json.WriteString("model", result.Model);
            json.WriteStartObject("rows");
            json.WriteNumber("train", result.TrainRows);
            json.WriteNumber("test", result.TestRows);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        File.WriteAllText(path, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    private static void Number(Utf8JsonWriter json, string name, double value) =>
        json.WriteNumber(name, Math.Round(value, Decimals, MidpointRounding.AwayFromZero) + 0.0);
}
