namespace Pipeline.Stages.Fetch.Sources;

/// <summary>The sources fetch.source accepts, in one list.</summary>
public static class Sources
{
    public static IReadOnlyList<ISource> All { get; } = [new DemoSourceKind(), new CsvSourceKind(), new SpotifySourceKind()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    public static ISource Find(string name) => All.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidDataException($"fetch.source '{name}' is not a source; the sources are {string.Join(", ", Names)}");

    /// <summary>"must be demo, csv or spotify": the params error, from the list.</summary>
    public static string Expected => $"must be {string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";
}
