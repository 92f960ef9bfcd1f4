namespace Pipeline.Engine.Tasks;

/// <summary>The engine's side of a running stage: inputs from the workspace, outputs into a temp folder.</summary>
public sealed class StageRunContext(string workspace, string? tempRoot, IReadOnlyList<string> outs, StageServices services)
{
    /// <summary>For a stage's check before anything runs: inputs only, no outputs.</summary>
    public static StageRunContext ForCheck(string workspace, StageServices services) => new(workspace, null, [], services);

    public StageServices Services { get; } = services;

    public string Input(string relativePath) => Path.Combine(workspace, relativePath);

    public string Output(string relativePath)
    {
        var normalized = WorkspacePath.Normalize(relativePath);
        if (tempRoot is null || !outs.Any(o => normalized == o || normalized.StartsWith(o + "/", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"'{relativePath}' is not a declared out of this stage (declared: {string.Join(", ", outs)})");
        }
        var path = Path.Combine(tempRoot, normalized);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
