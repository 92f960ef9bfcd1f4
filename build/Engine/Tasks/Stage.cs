namespace Pipeline.Engine.Tasks;

/// <summary>A task bound to params: everything the engine needs, with no generics and no params type.</summary>
internal sealed record Stage
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> ParamKeys { get; init; }
    public required IReadOnlyList<string> Deps { get; init; }
    public required IReadOnlyList<string> Outs { get; init; }
    /// <summary>Files the stage reads that are not data (credentials), never hashed (see PipelineTask.Private).</summary>
    public IReadOnlyList<string> Private { get; init; } = [];
    public required IReadOnlyList<string> Metrics { get; init; }
    public required bool AlwaysChanged { get; init; }
    /// <summary>Shows the changes against --rev (see PipelineTask.ShowsChanges).</summary>
    public bool ShowsChanges { get; init; }
    /// <summary>The type whose code (and the code it uses) versions this stage.</summary>
    public required Type CodeType { get; init; }
    public required Action<StageRunContext> Run { get; init; }
    /// <summary>Throws when the stage cannot start; run before any stage of a run starts.</summary>
    public Action<StageRunContext> Check { get; init; } = _ => { };

    /// <summary>The key in pipeline.lock and in status lines.</summary>
    public string Key => Name.ToLowerInvariant();
}
