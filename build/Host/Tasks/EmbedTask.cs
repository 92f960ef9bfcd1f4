using Pipeline.Engine.Tasks;
using Pipeline.Stages.Embed;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Tasks;

/// <summary>t-SNE (or PCA) of what the model sees in each song.</summary>
[Params("seed", "embed")]
[TaskDescription("t-SNE (or PCA) map of the model's last hidden layer")]
public sealed class EmbedTask : PipelineTask<PipelineParams>
{
    public const string Embedding = "data/embedding";
    public const string Summary = "reports/embedding.json";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => [TrainTask.Model, FeaturesTask.Matrices, FeaturesTask.Preprocessing];

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Embedding, Summary];

    public override void Run(StageContext<PipelineParams> context) =>
        Embedder.Embed(context.Params.Seed, context.Params.Embed,
            new EmbedRun(FeaturesTask.Inputs(context.Input), context.Input(TrainTask.Model), context.Output(Embedding), context.Output(Summary))
            {
                Progress = context.Progress,
                Log = context.Log,
                Phases = context.Phases,
            });
}
