using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Stages.Data;

/// <summary>
/// The one JSON set-up for what the stages write and read back (preprocessing, model manifest and history,
/// cross-validation, fetch summary): indented, snake_case, every property written, a final newline. The same
/// value gives the same bytes.
/// </summary>
public static class StableJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    public static void Write<T>(string path, T value) => File.WriteAllText(path, Serialize(value));

    public static T? Read<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options);
}
