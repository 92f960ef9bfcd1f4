using Pipeline.Engine.Running;

namespace Pipeline.Engine.Tasks;

/// <summary>What the engine lends a stage besides paths: progress, log, warnings, environment variables, a state folder.</summary>
internal sealed record StageServices
{
    public StageProgress Progress { get; init; } = StageProgress.None;

    public Action<string> Log { get; init; } = _ => { };

    public Action<string> Warn { get; init; } = _ => { };

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The metric and param changes against --rev, as Markdown, for a stage that shows them; null otherwise.</summary>
    public string? Changes { get; init; }

    /// <summary>The stage's folder that lasts between runs (created on first use by the stage).</summary>
    public required string StateDirectory { get; init; }
}
