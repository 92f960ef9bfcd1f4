namespace Pipeline.Stages.Embed.Methods;

/// <summary>The layouts embed.method accepts, in one list.</summary>
public static class EmbedMethods
{
    public static IReadOnlyList<IEmbedMethod> All { get; } = [new TsneMethod(), new PcaMethod()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    public static IEmbedMethod Find(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown embed method '{name}'; the methods are {string.Join(", ", Names)}", nameof(name));

    /// <summary>"must be tsne or pca": the params error, from the list.</summary>
    public static string Expected => $"must be {string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";
}
