using Pipeline.Engine.Tasks;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Tasks;

/// <summary>The train and test feature matrices, and the preprocessing fitted on train.</summary>
[Params("seed", "features")]
[TaskDescription("Train and test feature matrices, and the preprocessing fitted on train")]
public sealed class FeaturesTask : PipelineTask<PipelineParams>
{
    public const string Matrices = "data/features";
    public const string Preprocessing = "models/preprocessing.json";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => [FetchTask.Tracks];

    /// <summary>What Features writes (through <c>context.Output</c>) and the stages after it read (through their own declared inputs).</summary>
    public static FeatureSet.Paths Inputs(Func<string, string> input) => new(input(Matrices), input(Preprocessing));

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Matrices, Preprocessing];

    public override void Run(StageContext<PipelineParams> context) =>
        FeatureBuilder.Build(context.Params.Seed, context.Params.Features, context.Input(FetchTask.Tracks), Inputs(context.Output), context.Log, context.Warn);
}
