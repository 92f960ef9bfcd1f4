using System.Diagnostics;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Remote;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>Push: uploads the run-cache entries pipeline.lock names (--all: every entry) to the shared remote; --dryrun only counts them.</summary>
internal sealed class PushTarget : Target
{
    public override string Name => "Push";
    public override string Kind => "command";
    public override string Description => "Upload the run-cache entries pipeline.lock names (--all: every entry) to the shared remote";
    public override TargetEffect Effect => TargetEffect.Remote;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.EveryEntry, SharedOptions.DryRun, SharedOptions.NoWait];
    public override string DryRunHelp => "lists the remote and says what it would upload; uploads nothing";

    public override int Run(TargetContext context)
    {
        var workspace = context.Workspace;
        var session = context.Session;
        using var store = RemoteTargets.Open(workspace, session, "Push");
        using var hold = context.DryRun ? null : WorkspaceLock.Acquire(workspace, context.Wait, context.Reporter().Notice);
        var cache = new RunCache(workspace.CacheDir, session.Warn);
        var locked = context.Runner(context.Pipeline.Bind([]), context.Reporter()).LockedFingerprints();
        foreach (var (stage, _) in locked.Where(l => !cache.Contains(l.Value)))
        {
            session.Warn($"{stage}: the run-cache here has no entry for what pipeline.lock records (it ran elsewhere, or Gc removed it); not pushed");
        }
        IReadOnlyCollection<string> fingerprints = context.Options.Flag(SharedOptions.EveryEntry.Name) ? cache.Fingerprints() : [.. locked.Values];
        var clock = Stopwatch.StartNew();
        var sync = RemoteTargets.Sync(store, cache, session);
        if (context.DryRun)
        {
            var plan = sync.PlanPushAsync(fingerprints).GetAwaiter().GetResult();
            context.Out.WriteLine(RemoteTargets.Line($"Would push to {store.Display}: {plan.EntriesWritten} new of {plan.Entries} entries, {plan.Objects} files ({LineTransferProgress.Size(plan.Bytes)}); nothing was uploaded (--dryrun, {plan.Requests} requests)"));
            return ExitCodes.Success;
        }
        var result = sync.PushAsync(fingerprints).GetAwaiter().GetResult();
        context.Out.WriteLine(result.Objects == 0 && result.EntriesWritten == 0
            ? RemoteTargets.Line($"Everything was already on {store.Display}: nothing uploaded ({result.Entries} entries checked, {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s)")
            : RemoteTargets.Line($"Pushed to {store.Display}: {result.EntriesWritten} new of {result.Entries} entries, {result.Objects} files ({LineTransferProgress.Size(result.Bytes)}) uploaded, {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s"));
        return ExitCodes.Success;
    }
}
