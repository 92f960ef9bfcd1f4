using Pipeline.Engine.Caching;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>A real push process killed (SIGKILL) in the middle of its uploads, on moto.</summary>
[Collection("remote")]
public sealed class KilledPushTests(RemoteFixture fixture)
{
    [Fact]
    public async Task A_push_killed_mid_way_leaves_no_entry_a_pull_would_take()
    {
        using var workspace = new FakeWorkspace();
        Assert.Equal(0, workspace.Run().ExitCode);
        var bucket = fixture.Moto.NewBucket();
        // The check, the two listings and one upload pass; the next request is held until the process is killed.
        using var proxy = new FlakyProxy(fixture.Moto.Endpoint, failures: 0, passFirst: 4, stall: true);
        var variables = fixture.Moto.Variables(bucket);
        variables["PIPELINE_REMOTE_ENDPOINT"] = proxy.Endpoint;

        using (var push = workspace.Start(variables, "--target=Push"))
        {
            await proxy.Stalled.WaitAsync(TimeSpan.FromMinutes(5));
            push.Kill(entireProcessTree: true);
            await push.WaitForExitAsync();
        }

        using var client = fixture.Moto.Client();
        var keys = ((await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket })).S3Objects ?? [])
            .Select(o => o.Key["team/".Length..]).ToHashSet();
        var cache = new RunCache(Path.Combine(workspace.Root, ".pipeline", "cache"), _ => { });
        Assert.Contains(keys, k => k.StartsWith("objects/", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith("runs/", StringComparison.Ordinal));
        using var clone = new FakeWorkspace();
        clone.Write("pipeline.lock", workspace.Read("pipeline.lock"));
        var pull = clone.Run(fixture.Moto.Variables(bucket), "--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("0 of", pull.Out, StringComparison.Ordinal);
        Assert.Empty(new RunCache(Path.Combine(clone.Root, ".pipeline", "cache"), _ => { }).Fingerprints());
        Assert.NotEmpty(cache.Fingerprints());
    }
}
