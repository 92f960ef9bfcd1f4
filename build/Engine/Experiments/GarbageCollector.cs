using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// --target=Gc [--keep=N] [--dryrun]: drops the run-cache entries that no experiment, commit or the workspace's lock
/// refers to, then the objects no remaining entry uses. With --keep, only the newest N experiments of this workspace
/// are kept (the workspace's own state always is). Reports what went and the bytes freed; --dryrun only says it.
/// </summary>
internal static class GarbageCollector
{
    public static int Run(RunCache cache, ExperimentStore store, IReadOnlyList<ExperimentRow> rows, LockFile workspaceLock, int? keep, bool dryRun,
        IAnsiConsole console)
    {
        var local = store.All();
        var newest = local.Take(keep ?? local.Count).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var keptRows = rows.Where(r => r.Commit is not null || r.Current || newest.Contains(r.Id)).ToList();
        var forgotten = local.Where(e => !keptRows.Any(r => r.Id == e.Id)).ToList();
        var needed = keptRows.SelectMany(r => r.Stages).Concat(workspaceLock.Stages)
            .Select(s => s.Value.Fingerprint(s.Key)).ToHashSet(StringComparer.Ordinal);
        var entries = cache.Fingerprints();
        var dropped = entries.Where(f => !needed.Contains(f)).ToList();
        var kept = entries.Where(needed.Contains).SelectMany(cache.ObjectsOf).ToHashSet(StringComparer.Ordinal);
        var forgot = forgotten.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; forgot {forgotten.Count} older experiments (--keep={keep})") : "";
        if (dryRun)
        {
            var (wouldCount, wouldBytes) = cache.Unused(kept);
            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Would remove {dropped.Count} run-cache entries and {wouldCount} objects ({Megabytes(wouldBytes)} MB); would keep {entries.Count - dropped.Count} entries{forgot.Replace("; forgot", "; would forget", StringComparison.Ordinal)}. Nothing was removed (--dryrun)."));
            return ExitCodes.Success;
        }
        forgotten.ForEach(e => store.Remove(e.Id));
        dropped.ForEach(cache.Remove);
        var (count, bytes) = cache.PruneObjects(kept);
        console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Removed {dropped.Count} run-cache entries and {count} objects ({Megabytes(bytes)} MB freed); kept {entries.Count - dropped.Count} entries{forgot}."));
        return ExitCodes.Success;
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
