using Pipeline.Engine.Cli;
using Pipeline.Host.Commands;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host;

/// <summary>What the engine needs to know about this pipeline: where the tasks are and which code is ours.</summary>
public static class SongPipeline
{
    public static PipelineDefinition Definition { get; } = new()
    {
        TasksAssembly = typeof(SongPipeline).Assembly,
        OwnAssemblies = [typeof(PipelineParams).Assembly],
        DefaultTarget = "Report",
        HeadlineMetric = "auc",
        Compare = CompareCommand.View,
        Version = typeof(SongPipeline).Assembly.GetName().Version?.ToString(3) ?? "0",
        Commands = new Dictionary<string, CommandTarget>(StringComparer.OrdinalIgnoreCase)
        {
            ["Predict"] = new(PredictCommand.Run, "Whose taste each song in --input=FILE fits, with the trained model (--top=N rows shown)")
            {
                Options = PredictCommand.Options,
            },
            ["Login"] = new(LoginCommand.Run, "Sign --user=NAME in to Spotify (PKCE) for the spotify source") { Options = LoginCommand.Options },
        },
    };
}
