using Pipeline.Engine.Caching;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>Gc: drops run-cache entries and experiments nothing needs; --dryrun says what would go.</summary>
internal sealed class GcTarget : Target
{
    public override string Name => "Gc";
    public override string Kind => "command";
    public override string Description => "Drop experiments and cache entries nothing needs (--keep=N keeps the newest N)";
    public override TargetEffect Effect => TargetEffect.Workspace;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.Keep, SharedOptions.DryRun, SharedOptions.NoWait];
    public override string DryRunHelp => "says how many entries and objects would be removed and the bytes; removes nothing";

    public override int Run(TargetContext context)
    {
        var workspace = context.Workspace;
        using var hold = context.DryRun ? null : WorkspaceLock.Acquire(workspace, context.Wait, context.Reporter().Notice);
        var warn = context.Session.Warn;
        return GarbageCollector.Run(new RunCache(workspace.CacheDir, warn), new ExperimentStore(workspace.ExperimentsDir, warn),
            ExperimentsTarget.Catalog(context, allCommits: true), LockFile.Read(workspace.LockFile, Workspace.LockFileName),
            context.Options.Number(SharedOptions.Keep.Name), context.DryRun, context.Console);
    }
}
