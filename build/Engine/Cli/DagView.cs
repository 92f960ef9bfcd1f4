using Pipeline.Engine.Graph;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>The stage graph as a tree: each stage under the stages it depends on, with what it reads and writes.</summary>
internal static class DagView
{
    public static void Show(StageGraph graph, IAnsiConsole console)
    {
        foreach (var stage in graph.Ordered)
        {
            var after = graph.Upstream(stage).Select(u => u.Name).ToList();
            console.WriteLine(after.Count == 0 ? stage.Name : $"{stage.Name} <- {string.Join(", ", after)}");
            foreach (var dep in stage.Deps)
            {
                console.WriteLine($"    reads  {dep}");
            }
            foreach (var outPath in stage.Outs)
            {
                console.WriteLine($"    writes {outPath}{(stage.Metrics.Contains(outPath) ? " (metrics)" : "")}");
            }
        }
    }
}
