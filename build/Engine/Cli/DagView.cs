using Pipeline.Engine.Graph;
using Pipeline.Engine.Tasks;
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

    /// <summary>The target with the stages it depends on beneath it, as Cake's --tree draws it.</summary>
    public static void Tree(StageGraph graph, Stage target, TextWriter output)
    {
        output.WriteLine(target.Name);
        Branches(graph, target, "", output);
    }

    private static void Branches(StageGraph graph, Stage stage, string indent, TextWriter output)
    {
        var upstream = graph.Upstream(stage);
        for (var i = 0; i < upstream.Count; i++)
        {
            var last = i == upstream.Count - 1;
            output.WriteLine($"{indent}{(last ? "└─" : "├─")}{upstream[i].Name}");
            Branches(graph, upstream[i], indent + (last ? "  " : "│ "), output);
        }
    }
}
