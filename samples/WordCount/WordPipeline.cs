using Pipeline.Engine.Cli;

namespace WordCount;

/// <summary>What the engine needs to know: where the tasks are, and the default target.</summary>
public static class WordPipeline
{
    public static PipelineDefinition Definition { get; } = new()
    {
        TasksAssembly = typeof(WordPipeline).Assembly,
        DefaultTarget = "Top",
    };
}
