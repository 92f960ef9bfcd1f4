using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>What must hold before any work starts (Kedro's rule): every input exists or is made first, and each stage's own check passes.</summary>
internal static class StartChecks
{
    /// <summary>Every input must exist, or be written by a stage that runs first.</summary>
    public static void Inputs(Workspace workspace, StageGraph graph, IReadOnlyList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            foreach (var dep in stage.Deps)
            {
                var full = Path.Combine(workspace.Root, dep);
                if (File.Exists(full) || Directory.Exists(full))
                {
                    continue;
                }
                var producer = graph.ProducerOf(dep);
                if (producer is null)
                {
                    throw PipelineErrors.MissingInput(stage.Name, dep);
                }
                if (!stages.Contains(producer))
                {
                    throw PipelineErrors.MissingUpstreamOutput(stage.Name, dep, producer.Name);
                }
            }
        }
    }

    /// <summary>Each stage's own check (a login it needs, say).</summary>
    public static void Stages(Workspace workspace, IReadOnlyList<Stage> stages, Func<string, string?> environment)
    {
        foreach (var stage in stages)
        {
            try
            {
                stage.Check(StageRunContext.ForCheck(workspace.Root, stage, new StageServices
                {
                    Environment = environment,
                    StateDirectory = workspace.StageStateDir(stage.Key),
                }));
            }
            catch (InvalidDataException e)
            {
                throw PipelineErrors.BadInput(stage.Name, e.Message);
            }
        }
    }
}
