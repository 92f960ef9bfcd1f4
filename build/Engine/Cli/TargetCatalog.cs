using Pipeline.Engine.Errors;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Cli;

/// <summary>Every target --target takes: the pipeline's stages, the engine's own views and the host's commands, each with its line.</summary>
internal static class TargetCatalog
{
    private static readonly (string Name, string Kind, string Description)[] Builtin =
    [
        ("Status", "view", "Which stages are up to date, and why the others are not; runs nothing"),
        ("Dag", "view", "The stage graph: what each stage reads and writes"),
        ("Metrics", "view", "The metrics of the workspace, as a Markdown table (--json for machines)"),
        ("MetricsDiff", "view", "Metrics against a git revision (--rev, default HEAD), as a Markdown table"),
        ("ParamsDiff", "view", "Params against a git revision (--rev, default HEAD)"),
        ("Experiments", "view", "The runs kept in this workspace, with their params and metrics (--sort=METRIC)"),
        ("Apply", "command", "Put an experiment's params, lock and outputs back (--exp=ID), from the run-cache"),
        ("Gc", "command", "Drop experiments and cache entries nothing needs (--keep=N keeps the newest N)"),
        ("Push", "command", "Upload the run-cache entries pipeline.lock names (--all: every entry) to the shared remote"),
        ("Pull", "command", "Download the entries pipeline.lock names from the shared remote and restore the outputs"),
    ];

    public static IReadOnlyList<(string Name, string Kind, string Description)> All<TParams>(PipelineDefinition definition) where TParams : class, new() =>
    [
        .. InRunOrder(TaskBinder.Discover<TParams>(definition.TasksAssembly)).Select(t => (t.Name, "stage", t.Description)),
        .. Builtin,
        .. definition.Commands.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, "command", c.Value.Description)),
    ];

    /// <summary>The target's name as the catalog spells it; an unknown one is an error with the nearest name and the list.</summary>
    public static string Resolve<TParams>(PipelineDefinition definition, string target) where TParams : class, new()
    {
        // Every start resolves its target: look the name up before building the whole (ordered, described) list.
        var cheap = Builtin.Select(b => b.Name).Concat(definition.Commands.Keys)
            .Concat(TaskBinder.Discover<TParams>(definition.TasksAssembly).Select(t => t.Name));
        var known = cheap.FirstOrDefault(n => string.Equals(n, target, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }
        var names = All<TParams>(definition).Select(t => t.Name).ToList();
        throw PipelineErrors.UnknownTarget(target, Suggest.Nearest(target, names), names);
    }

    /// <summary>Stages in the order a run takes them, as bound to default params; by name if the defaults do not bind.</summary>
    private static IEnumerable<PipelineTask<TParams>> InRunOrder<TParams>(IReadOnlyList<PipelineTask<TParams>> tasks) where TParams : class, new()
    {
        try
        {
            var defaults = new TParams();
            var order = Graph.StageGraph.Build([.. tasks.Select(t => TaskBinder.Bind(t, defaults))]).Ordered.Select(s => s.Name).ToList();
            return tasks.OrderBy(t => order.IndexOf(t.Name));
        }
        catch (PipelineException)
        {
            return tasks;
        }
    }
}
