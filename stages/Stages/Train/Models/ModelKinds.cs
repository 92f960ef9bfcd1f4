namespace Pipeline.Stages.Train.Models;

/// <summary>The model kinds, in one list: simplest first (train.model: auto gives a tie to the earlier one).</summary>
public static class ModelKinds
{
    /// <summary>train.model: auto is not a kind: it picks one of these by cross-validation.</summary>
    public const string Auto = "auto";

    public static IReadOnlyList<IModelKind> All { get; } = [new LogisticModel(), new MlpModel(), new ForestModel(), new LightGbmModel()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    public static IModelKind Find(string name) => All.FirstOrDefault(k => k.Name == name)
        ?? throw new ArgumentException($"unknown model kind '{name}'; the kinds are {string.Join(", ", Names)}", nameof(name));

    /// <summary>"must be logistic, mlp, forest, lightgbm or auto": the params error, from the list.</summary>
    public static string Expected => $"must be {string.Join(", ", Names)} or {Auto}";
}
