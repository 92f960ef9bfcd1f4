using System.Globalization;
using System.Text;
using Pipeline.Engine.Tasks;

namespace WordCount;

/// <summary>The N most frequent words as a Markdown table, and a small metrics file MetricsDiff can compare.</summary>
[Params("top")]
[TaskDescription("The top words as out/top.md, and out/metrics.json")]
public sealed class TopTask : PipelineTask<WordParams>
{
    public const string Table = "out/top.md";
    public const string MetricsFile = "out/metrics.json";

    public override IReadOnlyList<string> Deps(WordParams parameters) => [CountTask.Counts];

    public override IReadOnlyList<string> Outs(WordParams parameters) => [Table, MetricsFile];

    public override IReadOnlyList<string> Metrics(WordParams parameters) => [MetricsFile];

    public override void Run(StageContext<WordParams> context)
    {
        var rows = File.ReadAllLines(context.Input(CountTask.Counts)).Skip(1).Select(l => l.Split('\t')).ToList();
        var table = new StringBuilder("| Word | Count |\n|---|---:|\n");
        foreach (var row in rows.Take(context.Params.Top.N))
        {
            table.Append(CultureInfo.InvariantCulture, $"| {row[0]} | {row[1]} |\n");
        }
        File.WriteAllText(context.Output(Table), table.ToString());
        var total = rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture));
        File.WriteAllText(context.Output(MetricsFile), string.Create(CultureInfo.InvariantCulture, $"{{\n  \"words\": {total},\n  \"distinct\": {rows.Count}\n}}\n"));
    }
}
