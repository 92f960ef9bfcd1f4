using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Remote;

/// <summary>Opens the store a remote's url names: s3://bucket/prefix, file:///path or a plain folder path.</summary>
internal static class RemoteStores
{
    public static IRemoteStore Open(RemoteConfig config, string workspaceRoot, Func<string, string?> environment)
    {
        var url = config.Url;
        if (url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = url[5..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var (bucket, prefix) = slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..].Trim('/'));
            if (!IsBucketName(bucket))
            {
                throw Bad(url, $"'{bucket}' is not a bucket name (3-63 lower-case letters, digits, dots and hyphens)");
            }
            if (config.Endpoint is { Length: > 0 } endpoint && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                throw Bad(url, $"endpoint '{config.Endpoint}' is not an http(s) address");
            }
            return new S3Remote(bucket, prefix, config, environment);
        }
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var file) || !file.IsFile)
            {
                throw Bad(url, "a file url is file:///absolute/path");
            }
            return new FolderRemote(file.LocalPath, url);
        }
        if (url.Contains("://", StringComparison.Ordinal))
        {
            throw Bad(url, "the remotes are s3://bucket/prefix, file:///path or a folder path");
        }
        return new FolderRemote(Path.GetFullPath(url, workspaceRoot), url);
    }

    private static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);

    /// <summary>The error names the url with any user:password@ taken out.</summary>
    private static PipelineException Bad(string url, string why) =>
        new($"remote url '{System.Text.RegularExpressions.Regex.Replace(url, "://[^/@]*@", "://***@")}' ({RemoteConfig.FileName} or PIPELINE_REMOTE_URL): {why}",
            ExitCodes.BadUsage);
}
