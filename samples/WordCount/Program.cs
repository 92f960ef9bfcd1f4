using Pipeline.Engine.Cli;
using WordCount;

return PipelineApp.Run<WordParams>(args, WordPipeline.Definition);
