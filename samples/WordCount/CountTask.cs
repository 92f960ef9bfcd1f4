using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Engine.Tasks;

namespace WordCount;

/// <summary>Every word of the .txt files in texts/, counted: out/counts.tsv, most frequent first.</summary>
[Params("count")]
[TaskDescription("Count the words of texts/*.txt into out/counts.tsv")]
public sealed partial class CountTask : PipelineTask<WordParams>
{
    public const string Texts = "texts";
    public const string Counts = "out/counts.tsv";

    public override IReadOnlyList<string> Deps(WordParams parameters) => [Texts];

    public override IReadOnlyList<string> Outs(WordParams parameters) => [Counts];

    public override void Run(StageContext<WordParams> context)
    {
        var counts = Directory.EnumerateFiles(context.Input(Texts), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => Word().Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length >= context.Params.Count.MinLength)
            .GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        var tsv = new StringBuilder("word\tcount\n");
        foreach (var group in counts)
        {
            tsv.Append(group.Key).Append('\t').Append(group.Count()).Append('\n');
        }
        File.WriteAllText(context.Output(Counts), tsv.ToString());
        context.Log($"{tsv.ToString().Count(c => c == '\n') - 1} distinct words");
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
