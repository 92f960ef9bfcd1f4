using System.Globalization;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// --target=Gc [--keep=N]: drops the run-cache entries that no experiment, commit or the workspace's lock refers
/// to, then the objects no remaining entry uses. With --keep, only the newest N experiments of this workspace
/// are kept (the workspace's own state always is). Reports what went and the bytes freed.
/// </summary>
internal static class GarbageCollector
{
    public static int Run(RunCache cache, ExperimentStore store, IReadOnlyList<ExperimentRow> rows, LockFile workspaceLock, int? keep, IAnsiConsole console)
    {
        if (keep is < 0)
        {
            throw new PipelineException("--keep must be 0 or more", ExitCodes.BadUsage);
        }
        var local = store.All();
        var newest = local.Take(keep ?? local.Count).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var keptRows = rows.Where(r => r.Commit is not null || r.Current || newest.Contains(r.Id)).ToList();
        var forgotten = local.Where(e => !keptRows.Any(r => r.Id == e.Id)).ToList();
        forgotten.ForEach(e => store.Remove(e.Id));
        var dropped = forgotten.Count;
        var needed = keptRows.SelectMany(r => r.Stages).Concat(workspaceLock.Stages)
            .Select(s => s.Value.Fingerprint(s.Key)).ToHashSet(StringComparer.Ordinal);
        var entries = cache.Fingerprints();
        var removed = 0;
        foreach (var fingerprint in entries.Where(f => !needed.Contains(f)))
        {
            cache.Remove(fingerprint);
            removed++;
        }
        var objects = cache.Fingerprints().SelectMany(cache.ObjectsOf).ToHashSet(StringComparer.Ordinal);
        var (count, bytes) = cache.PruneObjects(objects);
        var forgot = dropped > 0 ? string.Create(CultureInfo.InvariantCulture, $"; forgot {dropped} older experiments (--keep={keep})") : "";
        console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Removed {removed} run-cache entries and {count} objects ({bytes / 1024.0 / 1024.0:0.0} MB freed); kept {entries.Count - removed} entries{forgot}."));
        return ExitCodes.Success;
    }
}
