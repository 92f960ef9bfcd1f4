using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Remote;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Cli;

/// <summary>Push, Pull, a run's --pull and Status --remote: the shared run-cache, from the command line.</summary>
internal static class RemoteTargets
{
    public static int Push(Workspace workspace, PipelineRunner runner, BuildSettings settings, SessionSettings session, Action<string> notice)
    {
        using var store = Open(workspace, session, "Push");
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, notice);
        var cache = new RunCache(workspace.CacheDir, session.Warn);
        var locked = runner.LockedFingerprints();
        foreach (var (stage, fingerprint) in locked.Where(l => !cache.Contains(l.Value)))
        {
            session.Warn($"{stage}: the run-cache here has no entry for what pipeline.lock records (it ran elsewhere, or Gc removed it); not pushed");
        }
        var fingerprints = settings.All ? cache.Fingerprints() : [.. locked.Values];
        var clock = Stopwatch.StartNew();
        var result = Sync(store, cache, session).PushAsync(fingerprints).GetAwaiter().GetResult();
        var output = session.Console.Profile.Out.Writer;
        output.WriteLine(result.Objects == 0 && result.EntriesWritten == 0
            ? Line($"Everything was already on {store.Display}: nothing uploaded ({result.Entries} entries checked, {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s)")
            : Line($"Pushed to {store.Display}: {result.EntriesWritten} new of {result.Entries} entries, {result.Objects} files ({LineTransferProgress.Size(result.Bytes)}) uploaded, {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s"));
        return ExitCodes.Success;
    }

    public static int Pull(Workspace workspace, PipelineRunner runner, BuildSettings settings, SessionSettings session, Action<string> notice)
    {
        using var store = Open(workspace, session, "Pull");
        using var hold = WorkspaceLock.Acquire(workspace, wait: !settings.NoWait, notice);
        UpToDateStamp.Void(workspace.Root);
        var cache = new RunCache(workspace.CacheDir, session.Warn);
        var sync = Sync(store, cache, session);
        var clock = Stopwatch.StartNew();
        IReadOnlyCollection<string> fingerprints = settings.All
            ? [.. store.ListAsync(RunCache.RunsFolder + "/", default).GetAwaiter().GetResult().Select(k => Path.GetFileNameWithoutExtension(k))]
            : [.. runner.LockedFingerprints().Values];
        var result = sync.PullAsync(fingerprints).GetAwaiter().GetResult();
        var output = session.Console.Profile.Out.Writer;
        output.WriteLine(Line($"Pulled from {store.Display}: {result.EntriesWritten} of {result.Entries} entries this cache lacked, {result.Objects} files ({LineTransferProgress.Size(result.Bytes)}), {result.Requests} requests, {clock.Elapsed.TotalSeconds:0.00} s"));
        var restored = runner.RestoreLocked();
        SummaryView.Show(restored, session.Console, settings.Verbosity);
        if (restored.Error is not null)
        {
            session.Errors.WriteLine($"error: {TerminalText.Safe(restored.Error, keepNewlines: true)}");
        }
        return restored.ExitCode;
    }

    /// <summary>For a run with --pull: fetches a stage's entry into the local cache; the remote is opened (and checked) on first need.</summary>
    public static Func<Stage, string, bool> PullHook(Workspace workspace, SessionSettings session, IRunReporter reporter, List<IDisposable> opened)
    {
        RemoteSync? sync = null;
        string display = "";
        return (stage, fingerprint) =>
        {
            if (sync is null)
            {
                var store = Open(workspace, session, "--pull");
                opened.Add(store);
                store.CheckAsync(default).GetAwaiter().GetResult();
                (sync, display) = (Sync(store, new RunCache(workspace.CacheDir, session.Warn), session), store.Display);
            }
            var got = sync.PullAsync([fingerprint], check: false).GetAwaiter().GetResult().EntriesWritten == 1;
            if (got)
            {
                reporter.Notice($"{stage.Key}: pulled from {display}");
            }
            return got;
        };
    }

    /// <summary>Status --remote: after the reasons, which of the stale stages the remote holds an entry for.</summary>
    public static void ShowStatus(Workspace workspace, PipelineRunner runner, SessionSettings session)
    {
        using var store = Open(workspace, session, "Status --remote");
        var wanted = runner.Wanted();
        var output = session.Console.Profile.Out.Writer;
        if (wanted.Count == 0)
        {
            output.WriteLine($"remote {store.Display}: nothing to restore, every stage is up to date");
            return;
        }
        var held = Sync(store, new RunCache(workspace.CacheDir, session.Warn), session)
            .HeldAsync(wanted.Select(w => w.Fingerprint).OfType<string>()).GetAwaiter().GetResult();
        foreach (var (stage, fingerprint) in wanted)
        {
            output.WriteLine($"{stage.ToLowerInvariant()}: " + (fingerprint is null ? "the remote cannot tell yet (its code or params changed, and the stages before it will change its inputs)"
                : held.Contains(fingerprint) ? $"the remote could restore it ({store.Display}; run with --pull, or --target=Pull)"
                : "the remote has no entry for it: it would run"));
        }
    }

    private static IRemoteStore Open(Workspace workspace, SessionSettings session, string target) =>
        RemoteStores.Open(RemoteConfig.Require(workspace.Root, session.Environment.Variable, target), workspace.Root, session.Environment.Variable);

    private static RemoteSync Sync(IRemoteStore store, RunCache cache, SessionSettings session) =>
        new(store, cache, session.Warn, new LineTransferProgress(session.Console.Profile.Out.Writer));

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
