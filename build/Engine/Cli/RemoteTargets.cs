using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Remote;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Cli;

/// <summary>The shared run-cache for a run's --pull and Status --remote, and the remote opened the one way every target opens it.</summary>
internal static class RemoteTargets
{
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

    public static IRemoteStore Open(Workspace workspace, SessionSettings session, string target) =>
        RemoteStores.Open(RemoteConfig.Require(workspace.Root, session.Environment.Variable, target), workspace.Root, session.Environment.Variable);

    public static RemoteSync Sync(IRemoteStore store, RunCache cache, SessionSettings session) =>
        new(store, cache, session.Warn, new LineTransferProgress(session.Console.Profile.Out.Writer));

    public static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
