using FakePipeline;
using Pipeline.Engine.Cli;

return PipelineApp.Run<FakeParams>(args, FakeDefinition.Instance);
