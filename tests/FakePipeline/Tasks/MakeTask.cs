using Pipeline.Engine.Tasks;

namespace FakePipeline.Tasks;

[Params("seed", "make")]
public sealed class MakeTask : PipelineTask<FakeParams>
{
    public override IReadOnlyList<string> Deps(FakeParams parameters) => ["inputs/words.txt"];

    public override IReadOnlyList<string> Outs(FakeParams parameters) => ["data/made.txt"];

    public override void Run(StageContext<FakeParams> context) => Maker.Make(context.Params, context.Input("inputs/words.txt"), context.Output("data/made.txt"), context.Progress);
}
