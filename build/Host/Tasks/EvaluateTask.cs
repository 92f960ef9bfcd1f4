using Pipeline.Engine.Tasks;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Parameters;

namespace Pipeline.Host.Tasks;

/// <summary>Metrics on the test split (the pipeline's metrics) and the test predictions.</summary>
[Params("seed", "evaluate")]
[TaskDescription("Metrics on the test split, per-person figures, the test predictions")]
public sealed class EvaluateTask : PipelineTask<PipelineParams>
{
    public const string MetricsFile = "reports/metrics.json";
    public const string Predictions = "reports/predictions.csv";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) => [TrainTask.Model, FeaturesTask.Matrices, FeaturesTask.Preprocessing];

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [MetricsFile, Predictions];

    public override IReadOnlyList<string> Metrics(PipelineParams parameters) => [MetricsFile];

    public override void Run(StageContext<PipelineParams> context) =>
        Evaluator.Evaluate(context.Params.Seed, context.Params.Evaluate,
            new EvaluateRun(FeaturesTask.Inputs(context.Input), context.Input(TrainTask.Model), context.Output(MetricsFile), context.Output(Predictions))
            {
                Log = context.Log,
            });
}
