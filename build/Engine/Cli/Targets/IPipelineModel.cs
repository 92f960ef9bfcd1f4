using Pipeline.Engine.Graph;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Cli;

/// <summary>The host's pipeline without its params type: its stages, and the graph bound to params.yaml (with --set values).</summary>
internal interface IPipelineModel
{
    /// <summary>The stage tasks, in the order a run takes them, with their lines.</summary>
    IReadOnlyList<(string Name, string Description)> Stages { get; }

    BoundPipeline Bind(IReadOnlyList<string> overrides);

    /// <summary>The graph bound to a params document that is not params.yaml (an experiment's), checked like the file.</summary>
    BoundPipeline BindText(string yaml, string displayName);
}

/// <summary>The graph bound to params, each stage's params, and the params as flat values and as YAML text.</summary>
internal sealed record BoundPipeline(StageGraph Graph, Func<Stage, SortedDictionary<string, string>> ParamsOf,
    IReadOnlyDictionary<string, string> Flat, string Yaml);
