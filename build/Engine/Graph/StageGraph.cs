using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Graph;

/// <summary>
/// The stage graph, derived from what each stage reads and writes: a stage runs after the stages that
/// write its deps. Two writers of one path, or a cycle, is an error before anything runs.
/// </summary>
internal sealed class StageGraph
{
    private readonly Dictionary<string, IReadOnlyList<Stage>> upstream;

    private StageGraph(IReadOnlyList<Stage> ordered, Dictionary<string, IReadOnlyList<Stage>> upstream)
    {
        Ordered = ordered;
        this.upstream = upstream;
    }

    /// <summary>Every stage, each after the stages it depends on.</summary>
    public IReadOnlyList<Stage> Ordered { get; }

    public static StageGraph Build(IReadOnlyList<Stage> stages)
    {
        var byName = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in stages)
        {
            if (!byName.TryAdd(stage.Name, stage))
            {
                throw PipelineErrors.DuplicateStage(stage.Name);
            }
        }
        CheckSingleWriter(stages);
        var upstream = stages.ToDictionary(
            s => s.Name,
            s => (IReadOnlyList<Stage>)stages.Where(p => p != s && s.Deps.Any(d => p.Outs.Any(o => WorkspacePath.Contains(o, d) || WorkspacePath.Contains(d, o))))
                .ToList(),
            StringComparer.OrdinalIgnoreCase);
        return new StageGraph(TopologicalOrder(stages, upstream), upstream);
    }

    public Stage Find(string name) =>
        Ordered.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw PipelineErrors.UnknownTarget(name, Cli.Suggest.Nearest(name, Ordered.Select(s => s.Name)), Ordered.Select(s => s.Name));

    public IReadOnlyList<Stage> Upstream(Stage stage) => upstream[stage.Name];

    /// <summary>The stage that writes a path (or the folder holding it), if any.</summary>
    public Stage? ProducerOf(string path) =>
        Ordered.FirstOrDefault(s => s.Outs.Any(o => WorkspacePath.Contains(o, path) || WorkspacePath.Contains(path, o)));

    /// <summary>The target and, unless exclusive, everything it depends on, in run order.</summary>
    public IReadOnlyList<Stage> Closure(Stage target, bool exclusive)
    {
        if (exclusive)
        {
            return [target];
        }
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Stage>([target]);
        while (pending.Count > 0)
        {
            var stage = pending.Pop();
            if (wanted.Add(stage.Name))
            {
                foreach (var parent in upstream[stage.Name])
                {
                    pending.Push(parent);
                }
            }
        }
        return Ordered.Where(s => wanted.Contains(s.Name)).ToList();
    }

    private static void CheckSingleWriter(IReadOnlyList<Stage> stages)
    {
        var writers = new List<(string Path, Stage Stage)>();
        foreach (var stage in stages)
        {
            foreach (var path in stage.Outs)
            {
                var clash = writers.FirstOrDefault(w => WorkspacePath.Contains(w.Path, path) || WorkspacePath.Contains(path, w.Path));
                if (clash.Stage is not null)
                {
                    throw PipelineErrors.TwoWriters(path, clash.Stage.Name, stage.Name);
                }
                writers.Add((path, stage));
            }
        }
    }

    private static List<Stage> TopologicalOrder(IReadOnlyList<Stage> stages, Dictionary<string, IReadOnlyList<Stage>> upstream)
    {
        var ordered = new List<Stage>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: visiting, true: done
        var path = new Stack<string>();
        foreach (var stage in stages.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            Visit(stage);
        }
        return ordered;

        void Visit(Stage stage)
        {
            if (state.TryGetValue(stage.Name, out var done))
            {
                if (!done)
                {
                    throw PipelineErrors.Cycle(path.Reverse().SkipWhile(n => n != stage.Name).Append(stage.Name));
                }
                return;
            }
            state[stage.Name] = false;
            path.Push(stage.Name);
            foreach (var parent in upstream[stage.Name].OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                Visit(parent);
            }
            path.Pop();
            state[stage.Name] = true;
            ordered.Add(stage);
        }
    }
}
