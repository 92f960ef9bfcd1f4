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
        Commands = new Dictionary<string, Func<CommandRequest, int>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Predict"] = PredictCommand.Run,
            ["Login"] = LoginCommand.Run,
        },
    };
}
