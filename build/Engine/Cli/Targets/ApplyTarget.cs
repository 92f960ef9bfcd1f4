using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Params;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Apply --exp=ID: restores every stage's outputs as the experiment left them (each checked against its record),
/// then rewrites in params.yaml only the values that differ, keeping its comments; no stage runs.
/// </summary>
internal sealed class ApplyTarget : Target
{
    public override string Name => "Apply";
    public override string Kind => "command";
    public override string Description => "Put an experiment's params, lock and outputs back (--exp=ID), from the run-cache";
    public override TargetEffect Effect => TargetEffect.Workspace;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Exp, SharedOptions.DryRun, SharedOptions.NoWait];
    public override string DryRunHelp => "says which stages would be restored and which params would change; changes nothing";

    public override int Run(TargetContext context)
    {
        var id = context.Options.Text(SharedOptions.Exp.Name)
            ?? throw new PipelineException("Apply needs --exp=ID: an experiment from ./build.sh --target=Experiments", ExitCodes.BadUsage);
        var workspace = context.Workspace;
        var row = Find(ExperimentsTarget.Catalog(context, allCommits: true), id);
        var cache = new RunCache(workspace.CacheDir, context.Session.Warn);
        var missing = row.Stages.Where(s => !cache.Contains(s.Value.Fingerprint(s.Key))).Select(s => s.Key).ToList();
        if (missing.Count > 0)
        {
            throw new PipelineException($"experiment {row.Id} cannot be applied without running: the run-cache has no entry for {string.Join(", ", missing)} " +
                "(Gc removed it, or it ran on another machine): run --target=Pull if a remote has it, or run its params to rebuild it", ExitCodes.Failed);
        }
        var yaml = row.ParamsYaml() ?? throw new PipelineException($"experiment {row.Id}: its params.yaml cannot be read", ExitCodes.Failed);
        var edit = ParamsEditor.Apply(File.ReadAllText(workspace.ParamsFile), yaml);
        if (context.DryRun)
        {
            DryRun(context, row, edit);
            return ExitCodes.Success;
        }
        using var hold = WorkspaceLock.Acquire(workspace, context.Wait, context.Reporter().Notice);
        UpToDateStamp.Void(workspace.Root);
        // The outputs first, on the graph the experiment's params give; params.yaml only once they are all back.
        var result = context.Runner(context.Pipeline.BindText(yaml, $"experiment {row.Id} params.yaml"), context.Reporter()).Restore(row.Stages);
        SummaryView.Show(result, context.Console, context.Verbosity);
        if (result.Error is not null)
        {
            context.Error(result.Error);
            return result.ExitCode;
        }
        AtomicFile.WriteAllText(workspace.ParamsFile, edit.Text);
        context.Out.WriteLine($"Applied experiment {row.Id}: {Describe(edit)}, and every stage's outputs are as that run left them; no stage ran.");
        return ExitCodes.Success;
    }

    /// <summary>The experiment whose id (or commit) starts so; none or several is an error naming the candidates.</summary>
    public static ExperimentRow Find(List<ExperimentRow> rows, string id)
    {
        var matches = rows.Where(r => r.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase) || (r.Commit is { } c && c.StartsWith(id, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PipelineException($"--exp {TerminalText.Safe(id)}: no such experiment (known: {string.Join(", ", rows.Select(r => r.Id))})", ExitCodes.BadUsage),
            _ => throw new PipelineException($"--exp {TerminalText.Safe(id)}: names {matches.Count} experiments ({string.Join(", ", matches.Select(r => r.Id))}); give more of the id",
                ExitCodes.BadUsage),
        };
    }

    private static void DryRun(TargetContext context, ExperimentRow row, ParamsEditor.Edit edit)
    {
        var locked = Locking.LockFile.Read(context.Workspace.LockFile, Workspace.LockFileName);
        var differing = row.Stages.Where(s => locked.Stages.GetValueOrDefault(s.Key) is not { } l
            || l.Fingerprint(s.Key) != s.Value.Fingerprint(s.Key) || !l.Outs.SequenceEqual(s.Value.Outs)).Select(s => s.Key).ToList();
        context.Out.WriteLine($"Would apply experiment {row.Id}: restore {(differing.Count == 0 ? "no stage (the lock already matches)" : string.Join(", ", differing))} " +
            $"from the run-cache, and {Describe(edit).Replace("rewrote", "rewrite", StringComparison.Ordinal)}. Nothing was changed (--dryrun).");
    }

    private static string Describe(ParamsEditor.Edit edit) =>
        edit.Whole ? "rewrote params.yaml whole (its shape differs from the experiment's)"
        : edit.Changed.Count == 0 ? "params.yaml already had its values"
        : $"rewrote {string.Join(", ", edit.Changed)} in params.yaml";
}
