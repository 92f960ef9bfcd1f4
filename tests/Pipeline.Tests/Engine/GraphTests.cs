using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Tasks;

namespace Pipeline.Tests.Engine;

public sealed class GraphTests
{
    [Fact]
    public void Stages_are_ordered_after_the_stages_that_write_their_deps()
    {
        var graph = StageGraph.Build([Stage("c", ["b/x.txt"], ["c"]), Stage("a", [], ["a.txt"]), Stage("b", ["a.txt"], ["b"])]);

        Assert.Equal(["a", "b", "c"], graph.Ordered.Select(s => s.Name));
        Assert.Equal(["a", "b"], graph.Closure(graph.Find("b"), exclusive: false).Select(s => s.Name));
        Assert.Equal(["b"], graph.Closure(graph.Find("B"), exclusive: true).Select(s => s.Name));
    }

    [Fact]
    public void A_cycle_is_an_error_naming_it()
    {
        var error = Assert.Throws<PipelineException>(() => StageGraph.Build([Stage("a", ["b.txt"], ["a.txt"]), Stage("b", ["a.txt"], ["b.txt"])]));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("cycle: a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_writers_of_one_path_is_an_error()
    {
        var error = Assert.Throws<PipelineException>(() => StageGraph.Build([Stage("a", [], ["data"]), Stage("b", [], ["data/x.txt"])]));

        Assert.Contains("'data/x.txt' is written by two stages: a and b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tasks_with_one_name_is_an_error()
    {
        var error = Assert.Throws<PipelineException>(() => StageGraph.Build([Stage("a", [], ["x"]), Stage("A", [], ["y"])]));

        Assert.Contains("two tasks are named 'A'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside")]
    [InlineData("a/./b")]
    public void Paths_outside_the_workspace_are_refused(string path) =>
        Assert.Throws<ArgumentException>(() => WorkspacePath.Normalize(path));

    private static Stage Stage(string name, IReadOnlyList<string> deps, IReadOnlyList<string> outs) => new()
    {
        Name = name,
        ParamKeys = [],
        Deps = deps,
        Outs = outs,
        Metrics = [],
        AlwaysChanged = false,
        CodeType = typeof(GraphTests),
        Run = _ => { },
    };
}
