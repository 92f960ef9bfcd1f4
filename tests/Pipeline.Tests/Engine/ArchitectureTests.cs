namespace Pipeline.Tests.Engine;

/// <summary>The one-way references, checked on the built assemblies: the engine knows no stage, the stages know no engine.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void The_engine_references_neither_the_stages_nor_the_host()
    {
        var references = Names(typeof(Pipeline.Engine.Tasks.Stage).Assembly);

        Assert.DoesNotContain("Pipeline.Stages", references);
        Assert.DoesNotContain("pipeline", references);
    }

    [Fact]
    public void The_stages_do_not_reference_the_engine_or_the_host()
    {
        var references = Names(typeof(Pipeline.Stages.Parameters.PipelineParams).Assembly);

        Assert.DoesNotContain("Pipeline.Engine", references);
        Assert.DoesNotContain("pipeline", references);
    }

    private static List<string> Names(System.Reflection.Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
}
