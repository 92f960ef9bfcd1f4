using Pipeline.Engine.Tasks;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Fetch.Sources;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Tasks;

/// <summary>Everyone's liked songs, from the demo generator, CSV/Parquet exports or Spotify.</summary>
[Params("seed", "fetch")]
[TaskDescription("Everyone's liked songs: the embedded demo, CSV/Parquet exports, or Spotify")]
public sealed class FetchTask : PipelineTask<PipelineParams>
{
    public const string Tracks = "data/raw/tracks.parquet";
    public const string Summary = "data/raw/fetch-summary.json";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => Fetcher.SourceFiles(parameters.Fetch);

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Tracks, Summary];

    /// <summary>What the source reads that is not data (the spotify source's credentials and login tokens): never hashed or cached.</summary>
    public override IReadOnlyList<string> Private(PipelineParams parameters) => Source(parameters).Private(parameters.Fetch);

    /// <summary>A source outside the workspace (Spotify) is read every run; its output is byte-identical when nothing changed.</summary>
    public override bool AlwaysChanged(PipelineParams parameters) => Source(parameters).AlwaysChanged;

    public override void Check(StageContext<PipelineParams> context) =>
        Fetcher.Check(context.Params.Fetch, context.Input, context.Environment);

    public override void Run(StageContext<PipelineParams> context) =>
        Fetcher.Fetch(context.Params.Seed, context.Params.Fetch, new FetchRun
        {
            Resolve = context.Input,
            TracksOutput = context.Output(Tracks),
            SummaryOutput = context.Output(Summary),
            Progress = context.Progress,
            Phases = context.Phases,
            Log = context.Log,
            Environment = context.Environment,
            StateDirectory = context.StateDirectory,
        });

    private static ISource Source(PipelineParams parameters) => Sources.Find(parameters.Fetch.Source);
}
