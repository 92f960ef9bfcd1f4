using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Remote;

/// <summary>
/// A remote on S3 or an S3-compatible service (MinIO, Ceph, R2, moto), through AWSSDK.S3. Credentials come from
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the run's environment, else the SDK's own
/// chain (profile, SSO, instance role). A network error or a 5xx is retried by the SDK with backoff (standard
/// mode, 5 attempts), then fails naming the object. No error ever carries a credential.
/// </summary>
internal sealed class S3Remote : IRemoteStore
{
    private readonly AmazonS3Client client;
    private readonly string bucket;
    private readonly string prefix;
    private readonly string[] secrets;
    private readonly TimeSpan timeout;
    private readonly string endpointName;
    private int requests;

    public S3Remote(string bucket, string prefix, RemoteConfig config, Func<string, string?> environment)
    {
        (this.bucket, this.prefix) = (bucket, prefix.Length == 0 ? "" : prefix.TrimEnd('/') + "/");
        Display = $"s3://{bucket}/{prefix}".TrimEnd('/');
        var settings = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = RemoteConfig.Attempts - 1,
            Timeout = config.RequestTimeout,
            // The checksums every S3-compatible service understands (MinIO, Ceph, R2 and moto do not all take the newer trailers).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        timeout = config.RequestTimeout;
        endpointName = config.Endpoint is { Length: > 0 } given ? given : "AWS S3";
        var region = config.Region ?? environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION") ?? "us-east-1";
        if (config.Endpoint is { Length: > 0 } endpoint)
        {
            settings.ServiceURL = endpoint;
            settings.ForcePathStyle = true;
            settings.AuthenticationRegion = region;
        }
        else
        {
            settings.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        var (id, secret, token) = (environment("AWS_ACCESS_KEY_ID"), environment("AWS_SECRET_ACCESS_KEY"), environment("AWS_SESSION_TOKEN"));
        secrets = [.. new[] { id, secret, token }.OfType<string>().Where(s => s.Length >= 4)];
        client = id is { Length: > 0 } && secret is { Length: > 0 }
            ? new AmazonS3Client(token is { Length: > 0 } ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret), settings)
            : new AmazonS3Client(settings);
    }

    public string Display { get; }

    public int Requests => requests;

    public Task CheckAsync(CancellationToken cancel) => Call("check", "", true, async token =>
    {
        await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, MaxKeys = 1 }, token).ConfigureAwait(false);
        return true;
    }, cancel);

    public Task<HashSet<string>> ListAsync(string folder, CancellationToken cancel) => Call("list", folder, false, async token =>
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix + folder };
        while (true)
        {
            Interlocked.Increment(ref requests);
            var page = await client.ListObjectsV2Async(request, token).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                keys.Add(item.Key[prefix.Length..]);
            }
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                return keys;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
    }, cancel);

    public Task UploadAsync(string key, string localFile, CancellationToken cancel) => Call("upload", key, true, async token =>
    {
        // One PUT: S3 makes the object visible whole or not at all.
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + key, FilePath = localFile }, token).ConfigureAwait(false);
        return true;
    }, cancel);

    public Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancel) => Call("download", key, true, async token =>
    {
        try
        {
            using var response = await client.GetObjectAsync(bucket, prefix + key, token).ConfigureAwait(false);
            await using var body = response.ResponseStream;
            await using var file = File.Create(localFile);
            await body.CopyToAsync(file, token).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is "NoSuchKey" or "NotFound")
        {
            return false;
        }
    }, cancel);

    public void Dispose() => client.Dispose();

    /// <summary>One request, its failures turned into errors that name the remote and the object, never a credential.</summary>
    private async Task<T> Call<T>(string what, string key, bool countOne, Func<CancellationToken, Task<T>> request, CancellationToken cancel)
    {
        if (countOne)
        {
            Interlocked.Increment(ref requests);
        }
        var where = key.Length == 0 ? Display : $"{Display}/{key}";
        // A peer that accepts and never answers (or stops mid-body) ends within the attempts and their timeouts.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter((timeout + TimeSpan.FromSeconds(2)) * RemoteConfig.Attempts);
        try
        {
            return await request(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancel.IsCancellationRequested && (e is OperationCanceledException or TimeoutException || (e is AmazonServiceException or AmazonClientException && IsTimeout(e))))
        {
            throw new PipelineException($"remote {where}: {what} got no answer from {endpointName} within {timeout.TotalSeconds:0} s, {RemoteConfig.Attempts} attempts " +
                $"(timeout in {RemoteConfig.FileName} or PIPELINE_REMOTE_TIMEOUT)", ExitCodes.Failed);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            throw new PipelineException($"remote {Display}: bucket '{bucket}' does not exist (create it, or fix url in {RemoteConfig.FileName})", ExitCodes.BadUsage);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || e.ErrorCode is "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "ExpiredToken" or "InvalidToken")
        {
            throw new PipelineException($"remote {Display}: the credentials were refused ({e.ErrorCode}: {Scrub(e.Message)}); " +
                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, to credentials that may use the bucket", ExitCodes.BadUsage);
        }
        catch (AmazonClientException e) when (e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            throw new PipelineException($"remote {Display}: no AWS credentials found ({Scrub(e.Message)}); " +
                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE", ExitCodes.BadUsage);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
        {
            throw new PipelineException($"remote {where}: {what} failed after retries: {Scrub(e.Message)}", ExitCodes.Failed);
        }
    }

    private static bool IsTimeout(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }
        return false;
    }

    private string Scrub(string message) => secrets.Aggregate(message, (text, secret) => text.Replace(secret, "***", StringComparison.Ordinal));
}
