using Pipeline.Engine.Files;

namespace Pipeline.Engine.Tasks;

/// <summary>The engine's side of a running stage: inputs from the workspace, outputs into a temp folder.</summary>
internal sealed class StageRunContext(string workspace, string? tempRoot, Stage stage, StageServices services)
{
    /// <summary>For a stage's check before anything runs: inputs only, no outputs.</summary>
    public static StageRunContext ForCheck(string workspace, Stage stage, StageServices services) => new(workspace, null, stage, services);

    public StageServices Services { get; } = services;

    /// <summary>A declared dep (or a file in a declared dep folder), or a declared private file; anything else is refused.</summary>
    public string Input(string relativePath)
    {
        var normalized = WorkspacePath.Normalize(relativePath);
        if (!Within(stage.Deps, normalized) && !Within(stage.Private, normalized))
        {
            throw new InvalidOperationException($"'{relativePath}' is not a declared dep of stage {stage.Name} "
                + $"(declared: {(stage.Deps.Count == 0 ? "none" : string.Join(", ", stage.Deps))}): declare it in Deps, so a change to it reruns the stage");
        }
        return Path.Combine(workspace, normalized);
    }

    public string Output(string relativePath)
    {
        var normalized = WorkspacePath.Normalize(relativePath);
        if (tempRoot is null || !Within(stage.Outs, normalized))
        {
            throw new InvalidOperationException($"'{relativePath}' is not a declared out of this stage (declared: {string.Join(", ", stage.Outs)})");
        }
        var path = Path.Combine(tempRoot, normalized);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static bool Within(IReadOnlyList<string> declared, string path) =>
        declared.Any(d => path == d || path.StartsWith(d + "/", StringComparison.Ordinal));
}
