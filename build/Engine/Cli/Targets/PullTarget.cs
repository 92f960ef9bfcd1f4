using System.Diagnostics;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Remote;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Pull: downloads the entries pipeline.lock names (--all: every entry the remote has) and restores each stage whose
/// outs differ from the lock, only with the outs the lock records; --dryrun says what it would fetch and restore.
/// </summary>
internal sealed class PullTarget : Target
{
    public override string Name => "Pull";
    public override string Kind => "command";
    public override string Description => "Download the entries pipeline.lock names from the shared remote and restore the outputs";
    public override TargetEffect Effect => TargetEffect.Workspace;
    public override IReadOnlyList<TargetOption> Options { get; } = [SharedOptions.EveryEntry, SharedOptions.DryRun, SharedOptions.NoWait];
    public override string DryRunHelp => "lists the remote and says which entries it would download and which stages it would restore; changes nothing";

    public override int Run(TargetContext context)
    {
        var workspace = context.Workspace;
        var session = context.Session;
        using var store = RemoteTargets.Open(workspace, session, "Pull");
        using var hold = context.DryRun ? null : WorkspaceLock.Acquire(workspace, context.Wait, context.Reporter().Notice);
        var runner = context.Runner(context.Pipeline.Bind([]), context.Reporter());
        var cache = new RunCache(workspace.CacheDir, session.Warn);
        var sync = RemoteTargets.Sync(store, cache, session);
        var clock = Stopwatch.StartNew();
        IReadOnlyCollection<string> fingerprints = context.Options.Flag(SharedOptions.EveryEntry.Name)
            ? [.. store.ListAsync(RunCache.RunsFolder + "/", default).GetAwaiter().GetResult().Select(k => Path.GetFileNameWithoutExtension(k))]
            : [.. runner.LockedFingerprints().Values];
        if (context.DryRun)
        {
            var lacking = fingerprints.Where(f => !cache.Contains(f)).ToList();
            var held = sync.HeldAsync(lacking).GetAwaiter().GetResult();
            var stale = runner.LockedStale();
            context.Out.WriteLine(RemoteTargets.Line($"Would pull from {store.Display}: {held.Count} of the {lacking.Count} entries this cache lacks; would restore {(stale.Count == 0 ? "no stage (the outputs match pipeline.lock)" : string.Join(", ", stale))}. Nothing was changed (--dryrun)."));
            return ExitCodes.Success;
        }
        UpToDateStamp.Void(workspace.Root);
        var result = sync.PullAsync(fingerprints).GetAwaiter().GetResult();
        context.Out.WriteLine(RemoteTargets.Line($"Pulled from {store.Display}: {result.EntriesWritten} of {result.Entries} entries this cache lacked, {result.Objects} files ({LineTransferProgress.Size(result.Bytes)}), {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s"));
        var restored = runner.RestoreLocked();
        SummaryView.Show(restored, context.Console, context.Verbosity);
        if (restored.Error is not null)
        {
            context.Error(restored.Error);
        }
        return restored.ExitCode;
    }
}
