using Pipeline.Engine.Cli;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// The experiments the workspace and git know: every record in .pipeline/experiments, HEAD, and the commits that
/// changed params.yaml or pipeline.lock since this branch left its upstream (the newest 10 when it has none; with
/// allCommits the newest 100 of the whole history), each whose lock names a complete pipeline. One row per id.
/// </summary>
internal static class ExperimentCatalog
{
    private const int MaxCommits = 100;
    private const int WithoutUpstream = 10;

    public static List<ExperimentRow> Load(Workspace workspace, StageGraph graph, ExperimentStore store, bool allCommits = false)
    {
        var current = LockFile.Read(workspace.LockFile, Workspace.LockFileName);
        var currentId = IsComplete(current, graph) ? Experiment.IdOf(current.Stages) : null;
        var rows = new Dictionary<string, ExperimentRow>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var experiment in store.All())
        {
            order.Add(experiment.Id);
            rows[experiment.Id] = new ExperimentRow
            {
                Id = experiment.Id,
                Stages = experiment.Stages,
                Params = experiment.Params,
                Metrics = experiment.Metrics,
                ParamsYaml = () => experiment.ParamsYaml,
                Sweeps = experiment.Sweeps,
                Current = experiment.Id == currentId,
            };
        }
        string[] tracked = [Workspace.LockFileName, Workspace.ParamsFileName];
        var upstream = allCommits ? null : GitShow.UpstreamBase(workspace.Root);
        var commits = GitShow.Log(workspace.Root, tracked, allCommits ? MaxCommits : upstream is null ? WithoutUpstream : MaxCommits, upstream);
        if (GitShow.Head(workspace.Root) is { } head && !commits.Any(c => c.Hash == head.Hash))
        {
            commits.Insert(0, head);
        }
        foreach (var (hash, shortHash, subject) in commits)
        {
            if (GitShow.Read(workspace.Root, hash, Workspace.LockFileName) is not { } text || Parse(text, hash) is not { } locked || !IsComplete(locked, graph))
            {
                continue;
            }
            var id = Experiment.IdOf(locked.Stages);
            if (rows.TryGetValue(id, out var known))
            {
                rows[id] = known.Commit is null ? known with { Commit = shortHash, Subject = subject } : known;
                continue;
            }
            order.Add(id);
            rows[id] = new ExperimentRow
            {
                Id = id,
                Commit = shortHash,
                Subject = subject,
                Stages = locked.Stages,
                Params = Experiment.ParamsOf(locked.Stages),
                Metrics = Headline(graph, path => GitShow.Read(workspace.Root, hash, path)),
                ParamsYaml = () => GitShow.Read(workspace.Root, hash, Workspace.ParamsFileName),
                Current = id == currentId,
            };
        }
        return [.. order.Select(id => rows[id])];
    }

    /// <summary>Every stage of the graph has a record: the lock describes a whole pipeline.</summary>
    public static bool IsComplete(LockFile lockFile, StageGraph graph) => graph.Ordered.All(s => lockFile.Stages.ContainsKey(s.Key));

    /// <summary>The top-level numbers of the metrics files, as <paramref name="read"/> gives them.</summary>
    public static List<MetricEntry> Headline(StageGraph graph, Func<string, string?> read) =>
        [.. graph.Ordered.SelectMany(s => s.Metrics).Distinct()
            .SelectMany(path => read(path) is { } json ? MetricsFlattener.Flatten(json, path) : [])
            .Where(r => r.Value.Number is not null && MetricsFlattener.IsHeadline(r.Key))
            .Select(r => new MetricEntry { Name = r.Key, Value = r.Value.Text })];

    private static LockFile? Parse(string text, string commit)
    {
        try
        {
            return LockFile.Parse(text, $"{commit[..7]}:{Workspace.LockFileName}");
        }
        catch (Errors.PipelineException)
        {
            return null; // an old or damaged lock in history is not an experiment
        }
    }
}
