using System.Text.Json.Nodes;

namespace SpotifyFake;

/// <summary>The real response samples (see Samples/README.md), embedded, each read fresh so callers may change their copy.</summary>
public static class Samples
{
    public static JsonNode Read(string name)
    {
        using var stream = typeof(Samples).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no embedded sample {name}");
        return JsonNode.Parse(stream)!;
    }

    public static string Text(string name)
    {
        using var stream = typeof(Samples).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no embedded sample {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
