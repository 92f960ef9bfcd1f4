using Pipeline.Engine.Caching;
using Pipeline.Engine.Remote;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>What goes wrong with a remote: bad configuration, refused credentials, a missing bucket, a flaky network, a push killed half-way.</summary>
[Collection("remote")]
public sealed class RemoteFaultTests(RemoteFixture fixture)
{
    [Fact]
    public void Refused_credentials_are_a_clear_error_that_never_shows_them()
    {
        using var strict = MotoServer.Start(checksCredentials: true);
        using var workspace = fixture.Copy(whole: true);
        workspace.With(strict.Variables("any-bucket"));

        var push = workspace.Run("--target=Push");

        Assert.Equal(2, push.ExitCode);
        Assert.Contains("remote s3://any-bucket/team: the credentials were refused (InvalidAccessKeyId", push.Err, StringComparison.Ordinal);
        AssertNoSecret(workspace, push);
    }

    [Fact]
    public void An_unknown_bucket_is_a_clear_error()
    {
        using var workspace = fixture.Copy(whole: true);
        workspace.With(fixture.Moto.Variables("no-such-bucket-here"));

        var push = workspace.Run("--target=Push");
        var pull = workspace.Run("--target=Pull");

        Assert.Equal(2, push.ExitCode);
        Assert.Contains("remote s3://no-such-bucket-here/team: bucket 'no-such-bucket-here' does not exist", push.Err, StringComparison.Ordinal);
        Assert.Equal(2, pull.ExitCode);
        AssertNoSecret(workspace, push);
    }

    [Fact]
    public void No_credentials_at_all_is_a_clear_error()
    {
        using var workspace = fixture.Copy(whole: true);
        workspace.Variables["PIPELINE_REMOTE_URL"] = "s3://some-bucket/team";
        workspace.Variables["PIPELINE_REMOTE_ENDPOINT"] = fixture.Moto.Endpoint;
        var home = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(workspace.Root, "no-such-credentials"));
        try
        {
            var push = workspace.Run("--target=Push");

            Assert.True(push.ExitCode == 2, push.ToString());
            Assert.Contains("remote s3://some-bucket/team: no AWS credentials found", push.Err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", home);
        }
    }

    [Theory]
    [InlineData("ftp://host/cache", "the remotes are s3://bucket/prefix, file:///path or a folder path")]
    [InlineData("s3://Bad_Bucket/x", "'Bad_Bucket' is not a bucket name")]
    [InlineData("https://user:hunter2@example.com/cache", "remote url 'https://***@example.com/cache'")]
    public void A_bad_url_names_itself_and_exits_2(string url, string expected)
    {
        using var workspace = fixture.Copy(whole: true);
        workspace.Variables["PIPELINE_REMOTE_URL"] = url;

        var push = workspace.Run("--target=Push");

        Assert.Equal(2, push.ExitCode);
        Assert.Contains(expected, push.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", push.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_remote_file_is_checked_like_params_and_a_missing_remote_is_named()
    {
        using var workspace = fixture.Copy(whole: true);

        var none = workspace.Run("--target=Pull");
        workspace.Write("pipeline.remote.yaml", "url: s3://bucket/x\nendpoit: http://127.0.0.1:1\n");
        var typo = workspace.Run("--target=Push");
        workspace.Write("pipeline.remote.yaml", "region: eu-west-1\n");
        var noUrl = workspace.Run("--target=Push");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Pull needs a remote: write pipeline.remote.yaml", none.Err, StringComparison.Ordinal);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("pipeline.remote.yaml:2:1:", typo.Err, StringComparison.Ordinal);
        Assert.Contains("endpoit", typo.Err, StringComparison.Ordinal);
        Assert.Equal(2, noUrl.ExitCode);
        Assert.Contains("pipeline.remote.yaml: 'url' is missing", noUrl.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_errors_are_retried_with_backoff()
    {
        var bucket = fixture.Moto.NewBucket();
        using var proxy = new FlakyProxy(fixture.Moto.Endpoint, failures: 2);
        using var workspace = fixture.Copy(whole: true);
        workspace.With(fixture.Moto.Variables(bucket));
        workspace.Variables["PIPELINE_REMOTE_ENDPOINT"] = proxy.Endpoint;

        var push = workspace.Run("--target=Push");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("6 new of 6 entries", push.Out, StringComparison.Ordinal);
        Assert.True(proxy.Requests > 2);
    }

    [Fact]
    public void A_remote_that_keeps_failing_fails_the_push_naming_what_it_tried()
    {
        var bucket = fixture.Moto.NewBucket();
        using var proxy = new FlakyProxy(fixture.Moto.Endpoint, failures: -1);
        using var workspace = fixture.Copy(whole: false);
        workspace.With(fixture.Moto.Variables(bucket));
        workspace.Variables["PIPELINE_REMOTE_ENDPOINT"] = proxy.Endpoint;
        var lockBefore = workspace.Read("pipeline.lock");

        var pull = workspace.Run("--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains($"remote s3://{bucket}/team: check failed after retries", pull.Err, StringComparison.Ordinal);
        // Five attempts (the SDK's standard retry mode), then it gave up.
        Assert.Equal(5, proxy.Requests);
        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void A_push_whose_uploads_keep_failing_names_the_object()
    {
        var bucket = fixture.Moto.NewBucket();
        // The check and the two listings pass; every upload after them fails.
        using var proxy = new FlakyProxy(fixture.Moto.Endpoint, failures: -1, passFirst: 3);
        using var workspace = fixture.Copy(whole: true);
        workspace.With(fixture.Moto.Variables(bucket));
        workspace.Variables["PIPELINE_REMOTE_ENDPOINT"] = proxy.Endpoint;

        var push = workspace.Run("--target=Push");

        Assert.Equal(1, push.ExitCode);
        Assert.Matches($@"remote s3://{bucket}/team/objects/[0-9a-f]{{2}}/[0-9a-f]+: upload failed after retries", push.Err);
        AssertNoSecret(workspace, push);
    }

    [Fact]
    public void A_pull_that_fails_half_way_leaves_the_workspace_and_the_cache_entries_as_they_were()
    {
        var bucket = fixture.Moto.NewBucket();
        using (var pusher = fixture.Copy(whole: true))
        {
            pusher.With(fixture.Moto.Variables(bucket));
            Assert.Equal(0, pusher.Run("--target=Push").ExitCode);
        }
        // The check and the six manifests come down; every object after them fails.
        using var proxy = new FlakyProxy(fixture.Moto.Endpoint, failures: -1, passFirst: 7);
        using var workspace = fixture.Copy(whole: false);
        workspace.With(fixture.Moto.Variables(bucket));
        workspace.Variables["PIPELINE_REMOTE_ENDPOINT"] = proxy.Endpoint;
        var lockBefore = workspace.Read("pipeline.lock");

        var pull = workspace.Run("--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("download failed after retries", pull.Err, StringComparison.Ordinal);
        Assert.Equal(lockBefore, workspace.Read("pipeline.lock"));
        Assert.Equal(["params.yaml", "pipeline.lock"], Directory.EnumerateFileSystemEntries(workspace.Root).Select(Path.GetFileName).Where(n => n != ".pipeline").Order());
        Assert.Empty(new RunCache(workspace.PathOf(".pipeline/cache"), _ => { }).Fingerprints());
    }

    /// <summary>
    /// A push that dies after any number of uploads (as a kill would stop it) never leaves an entry whose files are
    /// not all on the remote, so a pull never takes half an entry; what a pull does take is whole and checked.
    /// </summary>
    [Theory]
    [InlineData("s3")]
    [InlineData("folder")]
    public async Task A_push_killed_at_any_point_leaves_no_entry_a_pull_would_take(string kind)
    {
        var cache = new RunCache(fixture.Template.PathOf(".pipeline/cache"), _ => { });
        var entries = cache.Fingerprints();
        var uploads = entries.SelectMany(cache.ObjectsOf).Distinct().Count() + entries.Count;
        foreach (var dieAfter in new[] { 0, 1, uploads / 2, uploads - entries.Count, uploads - entries.Count + 1, uploads - 1 })
        {
            using var remote = fixture.NewRemote(kind);
            using (var store = new DyingStore(Open(remote), dieAfter))
            {
                var push = await Record.ExceptionAsync(() => new RemoteSync(store, cache, _ => { }, new LineTransferProgress(TextWriter.Null), parallel: 1)
                    .PushAsync(entries));
                Assert.IsType<IOException>(push);
            }
            var keys = remote.Keys().ToHashSet();
            foreach (var run in keys.Where(k => k.StartsWith("runs/", StringComparison.Ordinal)))
            {
                var fingerprint = run[5..^5];
                Assert.All(cache.ObjectsOf(fingerprint), h => Assert.Contains(RunCache.ObjectKey(h), keys));
            }
            var into = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"));
            var fresh = new RunCache(into, _ => { });
            using var reader = Open(remote);
            var pulled = await new RemoteSync(reader, fresh, _ => { }, new LineTransferProgress(TextWriter.Null)).PullAsync(entries);
            Assert.Equal(keys.Count(k => k.StartsWith("runs/", StringComparison.Ordinal)), pulled.EntriesWritten);
            Assert.Equal(pulled.EntriesWritten, fresh.Fingerprints().Count);
            Directory.Delete(into, recursive: true);
        }
    }

    private IRemoteStore Open(RemoteUnderTest remote) =>
        RemoteStores.Open(new RemoteConfig { Url = remote.Variables["PIPELINE_REMOTE_URL"], Endpoint = remote.Variables.GetValueOrDefault("PIPELINE_REMOTE_ENDPOINT") },
            fixture.Template.Root, name => remote.Variables.GetValueOrDefault(name));

    private static void AssertNoSecret(SongWorkspace workspace, CliResult result)
    {
        Assert.DoesNotContain(MotoServer.SecretKey, result.Out + result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.AccessKey, result.Out + result.Err, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(MotoServer.SecretKey, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    /// <summary>A store that stops answering after a number of uploads, as a killed process would.</summary>
    private sealed class DyingStore(IRemoteStore inner, int uploads) : IRemoteStore
    {
        private int left = uploads;

        public string Display => inner.Display;

        public int Requests => inner.Requests;

        public Task CheckAsync(CancellationToken cancel) => inner.CheckAsync(cancel);

        public Task<HashSet<string>> ListAsync(string folder, CancellationToken cancel) => inner.ListAsync(folder, cancel);

        public Task UploadAsync(string key, string localFile, CancellationToken cancel) =>
            Interlocked.Decrement(ref left) < 0 ? throw new IOException("killed") : inner.UploadAsync(key, localFile, cancel);

        public Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancel) => inner.DownloadAsync(key, localFile, cancel);

        public void Dispose() => inner.Dispose();
    }
}
