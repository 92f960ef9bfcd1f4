using System.Reflection;

namespace Pipeline.Engine.Cli;

/// <summary>What a host tells the engine: where its tasks are, which assemblies are its own code, the default target.</summary>
public sealed record PipelineDefinition
{
    public required Assembly TasksAssembly { get; init; }

    /// <summary>Assemblies whose IL versions the stages; the tasks' assembly is always one.</summary>
    public IReadOnlyCollection<Assembly> OwnAssemblies { get; init; } = [];

    public required string DefaultTarget { get; init; }
}
