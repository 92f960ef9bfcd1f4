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

    /// <summary>What a host needs is public, the rest internal: a new public type is a deliberate change to this list.</summary>
    [Fact]
    public void The_engine_exposes_only_what_a_host_needs()
    {
        var exported = typeof(Pipeline.Engine.Cli.PipelineApp).Assembly.GetExportedTypes()
            .Select(t => t.Name.Split('`')[0]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["CommandRequest", "CommandTarget", "CompareMetric", "ComparePoint", "CompareRequest", "CompareSide", "CompareSideKind", "CompareSweep", "CompareView", "ExitCodes", "HostEnvironment", "OptionKind", "OptionValues", "ParamsAttribute", "PipelineApp",
                "PipelineDefinition", "PipelineException", "PipelineTask", "StageContext", "TargetEffect", "TargetOption", "TaskDescriptionAttribute",
                "TaskNameAttribute", "TerminalText", "Workspace"],
            exported);
    }

    private static List<string> Names(System.Reflection.Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
}
