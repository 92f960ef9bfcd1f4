using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>Experiments, Apply and Gc: the runs the run-cache and git know, side by side, restored, or cleared away.</summary>
internal static class ExperimentTargets
{
    public static int Experiments(Workspace workspace, StageGraph graph, BuildSettings settings, SessionSettings session) =>
        ExperimentsView.Show(Catalog(workspace, graph, session), settings.Sort, session.Console);

    public static int Gc(Workspace workspace, StageGraph graph, BuildSettings settings, SessionSettings session, Action<string> notice)
    {
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, notice);
        var warn = session.Warn;
        return GarbageCollector.Run(new RunCache(workspace.CacheDir, warn), new ExperimentStore(workspace.ExperimentsDir, warn),
            Catalog(workspace, graph, session), LockFile.Read(workspace.LockFile, Workspace.LockFileName), settings.Keep, session.Console);
    }

    /// <summary>Finds the experiment, checks the run-cache holds every stage of it, then writes its params and restores its outputs.</summary>
    /// <param name="runnerAfterParams">A runner on the params just written (their graph and values).</param>
    public static int Apply(Workspace workspace, StageGraph graph, BuildSettings settings, SessionSettings session,
        Action<string> notice, Func<PipelineRunner> runnerAfterParams)
    {
        var id = settings.Exp ?? throw new PipelineException("Apply needs --exp=ID: an experiment from ./build.sh --target=Experiments", ExitCodes.BadUsage);
        var rows = Catalog(workspace, graph, session);
        var matches = rows.Where(r => r.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase) || (r.Commit is { } c && c.StartsWith(id, StringComparison.OrdinalIgnoreCase))).ToList();
        var row = matches.Count switch
        {
            1 => matches[0],
            0 => throw new PipelineException($"--exp {id}: no such experiment (known: {string.Join(", ", rows.Select(r => r.Id))})", ExitCodes.BadUsage),
            _ => throw new PipelineException($"--exp {id}: names {matches.Count} experiments ({string.Join(", ", matches.Select(r => r.Id))}); give more of the id", ExitCodes.BadUsage),
        };
        var cache = new RunCache(workspace.CacheDir, session.Warn);
        var missing = row.Stages.Where(s => !cache.Contains(s.Value.Fingerprint(s.Key))).Select(s => s.Key).ToList();
        if (missing.Count > 0)
        {
            throw new PipelineException($"experiment {row.Id} cannot be applied without running: the run-cache has no entry for {string.Join(", ", missing)} " +
                $"(Gc removed it, or it ran on another machine); run its params to rebuild it", ExitCodes.BadUsage);
        }
        var yaml = row.ParamsYaml() ?? throw new PipelineException($"experiment {row.Id}: its params.yaml cannot be read", ExitCodes.BadUsage);
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, notice);
        AtomicFile.WriteAllText(workspace.ParamsFile, yaml);
        var result = runnerAfterParams().Restore(row.Stages);
        SummaryView.Show(result, session.Console, settings.Verbosity);
        if (result.Error is not null)
        {
            session.Errors.WriteLine($"error: {result.Error}");
            return result.ExitCode;
        }
        session.Console.Profile.Out.Writer.WriteLine($"Applied experiment {row.Id}: params.yaml and every stage's outputs are as that run left them; no stage ran.");
        return ExitCodes.Success;
    }

    private static List<ExperimentRow> Catalog(Workspace workspace, StageGraph graph, SessionSettings session) =>
        ExperimentCatalog.Load(workspace, graph, new ExperimentStore(workspace.ExperimentsDir, session.Warn));
}
