using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Experiments;

/// <summary>After a run that brought every stage up to date: the workspace's state, kept as an experiment.</summary>
internal static class ExperimentRecorder
{
    public static void Record(Workspace workspace, StageGraph graph, string paramsYaml, Action<string> warn)
    {
        var lockFile = LockFile.Read(workspace.LockFile, Workspace.LockFileName);
        if (!ExperimentCatalog.IsComplete(lockFile, graph))
        {
            return;
        }
        var stages = new SortedDictionary<string, StageRecord>(graph.Ordered.ToDictionary(s => s.Key, s => lockFile.Stages[s.Key]), StringComparer.Ordinal);
        new ExperimentStore(workspace.ExperimentsDir, warn).Record(new Experiment
        {
            Id = Experiment.IdOf(stages),
            ParamsYaml = paramsYaml,
            Params = Experiment.ParamsOf(stages),
            Metrics = ExperimentCatalog.Headline(graph, path => File.Exists(Path.Combine(workspace.Root, path)) ? File.ReadAllText(Path.Combine(workspace.Root, path)) : null),
            Stages = stages,
        });
    }
}
