using Pipeline.Engine.Tasks;

namespace FakePipeline.Tasks;

public sealed class CountTask : PipelineTask<FakeParams>
{
    public override IReadOnlyList<string> Deps(FakeParams parameters) => ["data/shout"];

    public override IReadOnlyList<string> Outs(FakeParams parameters) => ["reports/metrics.json"];

    public override IReadOnlyList<string> Metrics(FakeParams parameters) => ["reports/metrics.json"];

    public override void Run(StageContext<FakeParams> context)
    {
        var text = File.ReadAllText(Path.Combine(context.Input("data/shout"), "shout.txt"));
        File.WriteAllText(context.Output("reports/metrics.json"),
            $"{{\n  \"chars\": {text.Length},\n  \"lines\": {text.Count(c => c == '\n')}\n}}\n");
    }
}
