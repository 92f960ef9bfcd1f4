using Pipeline.Engine.Tasks;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;

namespace Pipeline.Host.Tasks;

/// <summary>The classifier: the MLP by default, or an ML.NET trainer.</summary>
[Params("seed", "train")]
[TaskDescription("The classifier: the MLP by default, or an ML.NET trainer")]
public sealed class TrainTask : PipelineTask<PipelineParams>
{
    public const string Model = "models/model";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => [FeaturesTask.Matrices, FeaturesTask.Preprocessing];

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Model];

    public override void Run(StageContext<PipelineParams> context) =>
        Trainer.Train(context.Params.Seed, context.Params.Train, FeaturesTask.Inputs(context.Input), context.Output(Model), context.Progress, context.Log);
}
