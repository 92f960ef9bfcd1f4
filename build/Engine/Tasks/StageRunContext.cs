namespace Pipeline.Engine.Tasks;

/// <summary>The engine's side of a running stage: inputs from the workspace, outputs into a temp folder.</summary>
public sealed class StageRunContext(string workspace, string tempRoot, IReadOnlyList<string> outs, IProgress<double> progress, Action<string> log)
{
    public IProgress<double> Progress { get; } = progress;

    public Action<string> Log { get; } = log;

    public string Input(string relativePath) => Path.Combine(workspace, relativePath);

    public string Output(string relativePath)
    {
        var normalized = WorkspacePath.Normalize(relativePath);
        if (!outs.Any(o => normalized == o || normalized.StartsWith(o + "/", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"'{relativePath}' is not a declared out of this stage (declared: {string.Join(", ", outs)})");
        }
        var path = Path.Combine(tempRoot, normalized);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
