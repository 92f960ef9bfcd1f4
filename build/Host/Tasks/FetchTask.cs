using Pipeline.Engine.Tasks;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Tasks;

/// <summary>Everyone's liked songs, from the demo generator, CSV/Parquet exports or Spotify.</summary>
[Params("seed", "fetch")]
public sealed class FetchTask : PipelineTask<PipelineParams>
{
    public const string Tracks = "data/raw/tracks.parquet";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => Fetcher.SourceFiles(parameters.Fetch);

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Tracks];

    public override bool AlwaysChanged(PipelineParams parameters) => parameters.Fetch.Source == "spotify";

    public override void Run(StageContext<PipelineParams> context) =>
        Fetcher.Fetch(context.Params.Seed, context.Params.Fetch, context.Input, context.Output(Tracks), context.Progress, context.Log);
}
