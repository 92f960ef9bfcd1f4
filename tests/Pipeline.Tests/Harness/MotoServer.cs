using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Pipeline.Tests.Harness;

/// <summary>
/// A real S3 protocol server on 127.0.0.1: Python moto's moto_server. CI starts one and names it in
/// PIPELINE_TEST_S3_ENDPOINT; otherwise (and always for one that checks credentials) the test starts its own on a
/// free port, ready when it says it is running, and stops it at the end.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string AccessKey = "AKIAPIPELINETEST0001";
    public const string SecretKey = "pipeline-test-secret-do-not-print";

    private readonly Process? process;

    private MotoServer(string endpoint, Process? process) => (Endpoint, this.process) = (endpoint, process);

    public string Endpoint { get; }

    /// <param name="checksCredentials">Moto with INITIAL_NO_AUTH_ACTION_COUNT=0: every key not made in its IAM is refused.</param>
    public static MotoServer Start(bool checksCredentials = false)
    {
        if (!checksCredentials && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ENDPOINT") is { Length: > 0 } given)
        {
            return new MotoServer(given, null);
        }
        var port = FreePort();
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (checksCredentials)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "0";
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("moto_server is not installed (pip install 'moto[server]', or apt-get install python3-moto); .ci/run installs it", e);
        }
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data?.Contains("Running on", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }
        process.ErrorDataReceived += Watch;
        process.OutputDataReceived += Watch;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"moto_server exited with {process.ExitCode} before it was ready"));
        if (!ready.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("moto_server did not start in 2 minutes (a hang guard)");
        }
        return new MotoServer($"http://127.0.0.1:{port}", process);
    }

    /// <summary>A new, empty bucket with a name no other test uses.</summary>
    public string NewBucket()
    {
        var name = $"pipeline-{Guid.NewGuid():N}"[..40];
        using var client = Client();
        client.PutBucketAsync(name).GetAwaiter().GetResult();
        return name;
    }

    public AmazonS3Client Client(string accessKey = AccessKey, string secretKey = SecretKey) =>
        new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>The variables a run needs to use <paramref name="bucket"/> on this server.</summary>
    public Dictionary<string, string> Variables(string bucket, string prefix = "team") => new(StringComparer.Ordinal)
    {
        ["PIPELINE_REMOTE_URL"] = $"s3://{bucket}/{prefix}",
        ["PIPELINE_REMOTE_ENDPOINT"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
    };

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromMinutes(1));
        }
        process?.Dispose();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
