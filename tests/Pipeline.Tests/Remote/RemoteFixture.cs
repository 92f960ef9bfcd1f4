using Amazon.S3.Model;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>One moto server and one demo workspace that has run the whole pipeline, shared by the remote tests.</summary>
public sealed class RemoteFixture : IDisposable
{
    public RemoteFixture()
    {
        // The AWS SDK's own chain must never reach for an instance role while a test runs.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Moto = MotoServer.Start();
        Template = new SongWorkspace(SongWorkspace.DemoParams(tracksPerUser: 120));
        var run = Template.Run();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the template pipeline failed:\n{run}");
        }
    }

    public MotoServer Moto { get; }

    /// <summary>A workspace whose whole pipeline ran: its run-cache holds every stage.</summary>
    public SongWorkspace Template { get; }

    /// <summary>A copy of the template: everything (its cache too), or only what git would hold (params.yaml and pipeline.lock).</summary>
    public SongWorkspace Copy(bool whole)
    {
        var copy = new SongWorkspace(Template.Read("params.yaml"));
        if (!whole)
        {
            copy.Write("pipeline.lock", Template.Read("pipeline.lock"));
            return copy;
        }
        foreach (var file in Directory.EnumerateFiles(Template.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Template.Root, file);
            if (relative.StartsWith(Path.Combine(".pipeline", "run"), StringComparison.Ordinal))
            {
                continue;
            }
            var target = copy.PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return copy;
    }

    /// <summary>A new, empty remote of the kind: a bucket on moto, or a folder.</summary>
    public RemoteUnderTest NewRemote(string kind) => kind switch
    {
        "s3" => S3(Moto.NewBucket()),
        "folder" => Folder(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public void Dispose()
    {
        Template.Dispose();
        Moto.Dispose();
    }

    private RemoteUnderTest S3(string bucket)
    {
        var client = Moto.Client();
        return new RemoteUnderTest(Moto.Variables(bucket), () =>
        {
            var keys = new List<string>();
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = "team/" };
            while (true)
            {
                var page = client.ListObjectsV2Async(request).GetAwaiter().GetResult();
                keys.AddRange((page.S3Objects ?? []).Select(o => o.Key["team/".Length..]));
                if (page.IsTruncated != true)
                {
                    return [.. keys.Order(StringComparer.Ordinal)];
                }
                request.ContinuationToken = page.NextContinuationToken;
            }
        }, (key, text) => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "team/" + key, ContentBody = text }).GetAwaiter().GetResult(),
            key => client.DeleteObjectAsync(bucket, "team/" + key).GetAwaiter().GetResult(), client);
    }

    private static RemoteUnderTest Folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "pipeline-remote", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new RemoteUnderTest(new Dictionary<string, string>(StringComparer.Ordinal) { ["PIPELINE_REMOTE_URL"] = root },
            () => [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)],
            (key, text) => File.WriteAllText(Path.Combine(root, key), text),
            key => File.Delete(Path.Combine(root, key)), null);
    }
}

/// <summary>A remote a test uses: the variables that name it, and its keys read, written and deleted behind the pipeline's back.</summary>
public sealed record RemoteUnderTest(Dictionary<string, string> Variables, Func<IReadOnlyList<string>> Keys, Action<string, string> Overwrite,
    Action<string> Delete, IDisposable? Client) : IDisposable
{
    public void Dispose() => Client?.Dispose();
}

[CollectionDefinition("remote")]
public sealed class RemoteTestGroup : ICollectionFixture<RemoteFixture>;
