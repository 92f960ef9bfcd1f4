using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Params;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Cli;

/// <summary>The pipeline of a host whose params are <typeparamref name="TParams"/>.</summary>
internal sealed class PipelineModel<TParams>(PipelineDefinition definition, Workspace workspace) : IPipelineModel where TParams : class, new()
{
    private IReadOnlyList<PipelineTask<TParams>>? tasks;

    public IReadOnlyList<(string Name, string Description)> Stages => [.. InRunOrder(Tasks).Select(t => (t.Name, t.Description))];

    private IReadOnlyList<PipelineTask<TParams>> Tasks => tasks ??= TaskBinder.Discover<TParams>(definition.TasksAssembly);

    public BoundPipeline Bind(IReadOnlyList<string> overrides) =>
        Bound(ParamsLoader.Load<TParams>(workspace.ParamsFile, Workspace.ParamsFileName, overrides));

    public BoundPipeline BindText(string yaml, string displayName) => Bound(ParamsLoader.LoadText<TParams>(yaml, displayName, []));

    private BoundPipeline Bound(BoundParams<TParams> bound)
    {
        var graph = StageGraph.Build([.. Tasks.Select(t => TaskBinder.Bind(t, bound.Value))]);
        return new BoundPipeline(graph, s => bound.Select(s.ParamKeys), bound.Flat, bound.Yaml);
    }

    /// <summary>Stages in the order a run takes them, as bound to default params; by name if the defaults do not bind.</summary>
    private static IEnumerable<PipelineTask<TParams>> InRunOrder(IReadOnlyList<PipelineTask<TParams>> tasks)
    {
        try
        {
            var defaults = new TParams();
            var order = StageGraph.Build([.. tasks.Select(t => TaskBinder.Bind(t, defaults))]).Ordered.Select(s => s.Name).ToList();
            return tasks.OrderBy(t => order.IndexOf(t.Name));
        }
        catch (PipelineException)
        {
            return tasks;
        }
    }
}
