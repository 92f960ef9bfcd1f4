using Pipeline.Engine.Cli;

namespace FakePipeline;

public static class FakeDefinition
{
    public static PipelineDefinition Instance { get; } = new()
    {
        TasksAssembly = typeof(FakeDefinition).Assembly,
        DefaultTarget = "Count",
    };
}
