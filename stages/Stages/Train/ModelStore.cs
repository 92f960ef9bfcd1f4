using System.Text.Json;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Train;

/// <summary>models/model/: model.json says which kind of model it is (and holds the MLP itself); ML.NET models add model.zip.</summary>
public static class ModelStore
{
    public const string ManifestFile = "model.json";
    public const string HistoryFile = "history.json";

    /// <summary>The JSON set-up of model.json and history.json: <see cref="StableJson"/>.</summary>
    public static JsonSerializerOptions Json => StableJson.Options;

    public static IClassifier Load(string directory, int seed)
    {
        var manifest = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifest))
        {
            throw new InvalidDataException($"{manifest}: no trained model here; run ./build.sh --target=Train first");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            return Models.ModelKinds.Find(document.RootElement.GetProperty("kind").GetString()!).Load(directory, seed);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException and not IOException)
        {
            // Truncated, edited or from another version: say which file, and the command that rebuilds it.
            throw new InvalidDataException($"{manifest}: the model is damaged ({e.Message.Split('\n')[0]}); rebuild it with ./build.sh --target=Train --force");
        }
    }

    public static TrainingHistory? LoadHistory(string directory)
    {
        var path = Path.Combine(directory, HistoryFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<TrainingHistory>(File.ReadAllText(path), Json) : null;
    }

    public static void SaveHistory(string directory, TrainingHistory history) =>
        File.WriteAllText(Path.Combine(directory, HistoryFile), JsonSerializer.Serialize(history, Json) + "\n");
}
