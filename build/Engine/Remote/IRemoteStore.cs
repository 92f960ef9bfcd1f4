namespace Pipeline.Engine.Remote;

/// <summary>
/// The shared run-cache's storage, with the local cache's layout: objects/ab/cdef... and runs/FINGERPRINT.yaml.
/// Keys are relative to the remote's root, with forward slashes. An upload is whole or absent, never half.
/// </summary>
internal interface IRemoteStore : IDisposable
{
    /// <summary>The remote as the user wrote it (no secret ever appears in it).</summary>
    string Display { get; }

    /// <summary>How many requests this store has made (a listing page is one).</summary>
    int Requests { get; }

    /// <summary>Fails with a clear error (exit 2) when the remote cannot be used: no bucket, credentials refused.</summary>
    Task CheckAsync(CancellationToken cancel);

    /// <summary>Every key under <paramref name="folder"/> ("objects/", "runs/"), in one listing.</summary>
    Task<HashSet<string>> ListAsync(string folder, CancellationToken cancel);

    Task UploadAsync(string key, string localFile, CancellationToken cancel);

    /// <summary>Writes the object to <paramref name="localFile"/>; false when the remote does not have it.</summary>
    Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancel);
}
