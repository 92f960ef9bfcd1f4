using Pipeline.Engine.Cli;
using Pipeline.Host;
using Pipeline.Stages.Parameters;

return PipelineApp.Run<PipelineParams>(args, SongPipeline.Definition);
