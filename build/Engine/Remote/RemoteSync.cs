using System.Collections.Concurrent;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using YamlDotNet.Core;

namespace Pipeline.Engine.Remote;

/// <summary>
/// Moves run-cache entries between the local cache and a remote. Push lists the remote once per folder, uploads
/// only the objects it lacks, and writes an entry's manifest only after all its objects are there, so a killed
/// push leaves no entry a pull would take. Pull checks every object against its hash before keeping it and
/// writes the local manifest last, so an interrupted pull leaves the cache (and the workspace) as they were.
/// </summary>
internal sealed class RemoteSync(IRemoteStore remote, RunCache cache, Action<string> warn, ITransferProgress progress, int parallel = 4)
{
    /// <summary>What a push would upload (entries and objects the remote lacks), uploading nothing: Push --dryrun.</summary>
    public async Task<TransferResult> PlanPushAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancel = default)
    {
        var (entries, manifests, objects) = await PushWork(fingerprints, cancel).ConfigureAwait(false);
        return new TransferResult(entries.Count, manifests.Count, objects.Count, objects.Sum(o => o.Bytes), remote.Requests);
    }

    public async Task<TransferResult> PushAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancel = default)
    {
        var (entries, manifests, objects) = await PushWork(fingerprints, cancel).ConfigureAwait(false);
        var bytes = objects.Sum(o => o.Bytes);
        progress.Start("push", objects.Count, bytes);
        await Parallel.ForEachAsync(objects, Options(cancel), async (item, token) =>
        {
            await remote.UploadAsync(RunCache.ObjectKey(item.Hash), cache.ObjectFile(item.Hash), token).ConfigureAwait(false);
            progress.Done(item.Bytes);
        }).ConfigureAwait(false);
        // Every object of every entry is on the remote now: only then may its manifest appear.
        await Parallel.ForEachAsync(manifests, Options(cancel), async (fingerprint, token) =>
            await remote.UploadAsync(RunCache.RunKey(fingerprint), cache.ManifestFile(fingerprint), token).ConfigureAwait(false)).ConfigureAwait(false);
        progress.Finish();
        return new TransferResult(entries.Count, manifests.Count, objects.Count, bytes, remote.Requests);
    }

    private async Task<(List<string> Entries, List<string> Manifests, List<(string Hash, long Bytes)> Objects)> PushWork(
        IReadOnlyCollection<string> fingerprints, CancellationToken cancel)
    {
        await remote.CheckAsync(cancel).ConfigureAwait(false);
        var entries = fingerprints.Where(cache.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var haveRuns = await remote.ListAsync(RunCache.RunsFolder + "/", cancel).ConfigureAwait(false);
        var haveObjects = await remote.ListAsync(RunCache.ObjectsFolder + "/", cancel).ConfigureAwait(false);
        var objects = entries.SelectMany(cache.ObjectsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(h => !haveObjects.Contains(RunCache.ObjectKey(h))).Select(h => (Hash: h, Bytes: new FileInfo(cache.ObjectFile(h)).Length)).ToList();
        return (entries, entries.Where(f => !haveRuns.Contains(RunCache.RunKey(f))).ToList(), objects);
    }

    /// <summary>Brings the entries the local cache lacks from the remote; an entry the remote lacks or whose files are damaged is left out.</summary>
    public async Task<TransferResult> PullAsync(IReadOnlyCollection<string> fingerprints, bool check = true, CancellationToken cancel = default)
    {
        if (check)
        {
            await remote.CheckAsync(cancel).ConfigureAwait(false);
        }
        var wanted = fingerprints.Where(f => ManifestCheck.IsHash(f) && !cache.Contains(f)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var manifests = new ConcurrentDictionary<string, (string Temp, IReadOnlyList<string> Objects)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(wanted, Options(cancel), async (fingerprint, token) =>
        {
            var temp = cache.TempFile(RunCache.RunKey(fingerprint));
            if (!await remote.DownloadAsync(RunCache.RunKey(fingerprint), temp, token).ConfigureAwait(false))
            {
                File.Delete(temp);
                return;
            }
            if (RunCache.ReadObjects(temp) is { } objects)
            {
                manifests[fingerprint] = (temp, objects);
                return;
            }
            File.Delete(temp);
            warn($"remote entry {fingerprint[..12]} on {remote.Display} cannot be read; not used");
        }).ConfigureAwait(false);
        var objectsNeeded = manifests.Values.SelectMany(m => m.Objects).Distinct(StringComparer.Ordinal).Where(h => !File.Exists(cache.ObjectFile(h)))
            .Order(StringComparer.Ordinal).ToList();
        progress.Start("pull", objectsNeeded.Count, -1);
        var bad = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        long bytes = 0;
        await Parallel.ForEachAsync(objectsNeeded, Options(cancel), async (hash, token) =>
        {
            var temp = cache.TempFile(RunCache.ObjectKey(hash));
            try
            {
                if (!await remote.DownloadAsync(RunCache.ObjectKey(hash), temp, token).ConfigureAwait(false))
                {
                    bad[hash] = true;
                    warn($"object {hash[..12]} is missing on {remote.Display}; the entries that need it are not used");
                    return;
                }
                string actual;
                await using (var stream = File.OpenRead(temp))
                {
                    actual = ContentHasher.HashStream(stream);
                }
                var length = new FileInfo(temp).Length;
                if (actual != hash)
                {
                    bad[hash] = true;
                    warn($"object {hash[..12]} on {remote.Display} does not match its hash; dropped, and the stages that need it will run");
                    return;
                }
                cache.AdoptObject(temp, hash);
                Interlocked.Add(ref bytes, length);
                progress.Done(length);
            }
            finally
            {
                File.Delete(temp);
            }
        }).ConfigureAwait(false);
        var pulled = 0;
        foreach (var (fingerprint, (temp, objects)) in manifests.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (objects.All(h => !bad.ContainsKey(h) && File.Exists(cache.ObjectFile(h))))
            {
                cache.AdoptManifest(temp, fingerprint);
                pulled++;
            }
            File.Delete(temp);
        }
        progress.Finish();
        return new TransferResult(wanted.Count, pulled, objectsNeeded.Count - bad.Count, bytes, remote.Requests);
    }

    /// <summary>Which of <paramref name="fingerprints"/> the remote holds (one listing).</summary>
    public async Task<HashSet<string>> HeldAsync(IEnumerable<string> fingerprints, CancellationToken cancel = default)
    {
        await remote.CheckAsync(cancel).ConfigureAwait(false);
        var runs = await remote.ListAsync(RunCache.RunsFolder + "/", cancel).ConfigureAwait(false);
        return fingerprints.Where(f => runs.Contains(RunCache.RunKey(f))).ToHashSet(StringComparer.Ordinal);
    }

    private ParallelOptions Options(CancellationToken cancel) => new() { MaxDegreeOfParallelism = parallel, CancellationToken = cancel };
}

/// <summary>What a push or pull did: entries asked for, entries written, objects moved, their bytes, and the requests made.</summary>
internal sealed record TransferResult(int Entries, int EntriesWritten, int Objects, long Bytes, int Requests);
