using Pipeline.Engine.Tasks;

namespace FakePipeline.Tasks;

[Params("shout")]
public sealed class ShoutTask : PipelineTask<FakeParams>
{
    public override IReadOnlyList<string> Deps(FakeParams parameters) => ["data/made.txt"];

    public override IReadOnlyList<string> Outs(FakeParams parameters) => ["data/shout"];

    public override void Run(StageContext<FakeParams> context) =>
        Shouter.Shout(context.Params.Shout, context.Input("data/made.txt"), context.Output("data/shout"));
}
