using System.Reflection;

namespace Pipeline.Engine.Cli;

/// <summary>What a host tells the engine: where its tasks are, which assemblies are its own code, the default target.</summary>
public sealed record PipelineDefinition
{
    public required Assembly TasksAssembly { get; init; }

    /// <summary>Assemblies whose IL versions the stages; the tasks' assembly is always one.</summary>
    public IReadOnlyCollection<Assembly> OwnAssemblies { get; init; } = [];

    public required string DefaultTarget { get; init; }

    /// <summary>Targets that are not stages (e.g. Predict): they run outside the graph, on what the stages left.</summary>
    public IReadOnlyDictionary<string, CommandTarget> Commands { get; init; } =
        new Dictionary<string, CommandTarget>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The metric a sweep ranks its points by unless --sort says another (a metrics file's top-level number).</summary>
    public string? HeadlineMetric { get; init; }

    /// <summary>How --target=Compare draws sides next to each other; without it there is no Compare target.</summary>
    public CompareView? Compare { get; init; }

    /// <summary>The version --version prints.</summary>
    public string Version { get; init; } = "0";
}

/// <summary>A target that is not a stage: what it does, the line --help shows for it, the options it takes and what it changes.</summary>
public sealed record CommandTarget(Func<CommandRequest, int> Run, string Description)
{
    /// <summary>Every option the command reads; any other is refused before it runs.</summary>
    public IReadOnlyList<TargetOption> Options { get; init; } = [];

    /// <summary>What the command changes (a command that writes takes no --dryrun unless it declares it and honours it).</summary>
    public TargetEffect Effect { get; init; } = TargetEffect.Workspace;
}

/// <summary>What a command target gets: the workspace, its checked options, where to print, and the process's surroundings.</summary>
public sealed record CommandRequest(string Workspace, TextWriter Output)
{
    /// <summary>The options given, as the command declared them.</summary>
    public OptionValues Options { get; init; } = OptionValues.None;

    /// <summary>Why a stage is out of date against params.yaml and its inputs (empty when up to date), e.g. to warn that a model is stale.</summary>
    public Func<string, IReadOnlyList<string>> StaleReasons { get; init; } = _ => [];

    /// <summary>Where errors, warnings and waits are told, apart from the command's output.</summary>
    public TextWriter Errors { get; init; } = TextWriter.Null;

    public HostEnvironment Environment { get; init; } = HostEnvironment.Process;
}
