using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using YamlDotNet.Core;

namespace Pipeline.Engine.Remote;

/// <summary>
/// Where the shared run-cache lives: pipeline.remote.yaml (url, endpoint, region), or PIPELINE_REMOTE_URL,
/// PIPELINE_REMOTE_ENDPOINT and PIPELINE_REMOTE_REGION, which win over the file. The url is s3://bucket/prefix,
/// a folder (/mnt/team/cache) or file:///mnt/team/cache. No credentials here: they come from the AWS chain.
/// </summary>
internal sealed record RemoteConfig
{
    public const string FileName = "pipeline.remote.yaml";

    public string Url { get; init; } = "";

    /// <summary>An S3-compatible service's address (MinIO, Ceph, R2, moto); empty for AWS.</summary>
    public string? Endpoint { get; init; }

    public string? Region { get; init; }

    /// <summary>Seconds one request may take before it counts as a failed attempt (S3); PIPELINE_REMOTE_TIMEOUT wins over the file.</summary>
    public int? Timeout { get; init; }

    /// <summary>Attempts per request before the remote is given up: the first and four retries.</summary>
    public const int Attempts = 5;

    public const int DefaultTimeout = 30;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(Timeout ?? DefaultTimeout);

    /// <summary>The remote configured for this workspace, or null when none is.</summary>
    public static RemoteConfig? Find(string workspaceRoot, Func<string, string?> environment)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        var file = File.Exists(path) ? Read(path) : null;
        var url = environment("PIPELINE_REMOTE_URL");
        if (string.IsNullOrWhiteSpace(url) && file is null)
        {
            return null;
        }
        var config = file ?? new RemoteConfig();
        return config with
        {
            Url = string.IsNullOrWhiteSpace(url) ? config.Url : url.Trim(),
            Endpoint = NonEmpty(environment("PIPELINE_REMOTE_ENDPOINT")) ?? config.Endpoint,
            Region = NonEmpty(environment("PIPELINE_REMOTE_REGION")) ?? config.Region,
            Timeout = Seconds(environment("PIPELINE_REMOTE_TIMEOUT")) ?? config.Timeout,
        };
    }

    /// <summary>The configured remote; a clear error (exit 2) when there is none.</summary>
    public static RemoteConfig Require(string workspaceRoot, Func<string, string?> environment, string target) =>
        Find(workspaceRoot, environment) ?? throw new PipelineException(
            $"{target} needs a remote: write {FileName} (url: s3://bucket/prefix, or a folder) or set PIPELINE_REMOTE_URL", ExitCodes.BadUsage);

    private static RemoteConfig Read(string path)
    {
        try
        {
            var config = Yaml.Reader.Deserialize<RemoteConfig?>(File.ReadAllText(path)) ?? new RemoteConfig();
            if (config.Timeout is < 1 or > 3600)
            {
                throw new PipelineException($"{FileName}: 'timeout': {config.Timeout} is out of range; give 1 to 3,600 seconds", ExitCodes.BadUsage);
            }
            if (string.IsNullOrWhiteSpace(config.Url))
            {
                throw new PipelineException($"{FileName}: 'url' is missing (e.g. url: s3://bucket/prefix, or url: /mnt/team/pipeline-cache)", ExitCodes.BadUsage);
            }
            return config;
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw new PipelineException($"{FileName}:{e.Start.Line}:{e.Start.Column}: {detail} (the keys are url, endpoint, region and timeout)", ExitCodes.BadUsage);
        }
    }

    private static int? Seconds(string? text) =>
        NonEmpty(text) is not { } given ? null
        : int.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? seconds
            : throw new PipelineException($"PIPELINE_REMOTE_TIMEOUT={given}: give a whole number of seconds, 1 to 3,600", ExitCodes.BadUsage);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
