using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;

namespace Pipeline.Benchmarks;

/// <summary>
/// The shared run-cache against moto on loopback: push and pull of the demo pipeline's cache (time, bytes,
/// requests), a second push, a fresh clone with --pull, and --jobs=2 against --jobs=1 on the demo pipeline.
/// </summary>
internal static partial class RemoteBenchmark
{
    public static void Run(string repo, string host, Action<string, string, string> print)
    {
        var port = FreePort();
        using var moto = Process.Start(new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            while (moto.StandardError.ReadLine() is { } line && !line.Contains("Running on", StringComparison.Ordinal))
            {
            }
            _ = moto.StandardError.ReadToEndAsync();
            var endpoint = $"http://127.0.0.1:{port}";
            using (var client = new AmazonS3Client(new BasicAWSCredentials("bench", "bench-secret"), new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
            {
                client.PutBucketAsync("bench").GetAwaiter().GetResult();
            }
            (string, string)[] env = [("PIPELINE_REMOTE_URL", "s3://bench/demo"), ("PIPELINE_REMOTE_ENDPOINT", endpoint), ("AWS_ACCESS_KEY_ID", "bench"),
                ("AWS_SECRET_ACCESS_KEY", "bench-secret"), ("AWS_EC2_METADATA_DISABLED", "true")];
            var parameters = File.ReadAllText(Path.Combine(repo, "params.yaml"));
            Jobs(host, parameters, print);
            var source = Workspace(parameters, null);
            var clones = new List<string>();
            try
            {
                Measure.Run(source, host, []);
                var push = Measure.Run(source, host, ["--target=Push"], env);
                print("Push, demo pipeline (6 entries) to moto", $"{push.Seconds:0.00} s", Summary(push.Output, "Pushed to"));
                var again = Measure.Run(source, host, ["--target=Push"], env);
                print("Second push", $"{again.Seconds:0.00} s", Summary(again.Output, "Everything was already") + " (target: no uploads)");
                var lockText = File.ReadAllText(Path.Combine(source, "pipeline.lock"));
                var startup = Workspace(parameters, lockText);
                clones.Add(startup);
                var baseline = Measure.Median(Enumerable.Range(0, 5).Select(_ => Measure.Run(startup, host, ["--target=Dag"]).Seconds));
                print("  start-up of the host (--target=Dag, median of 5)", $"{baseline:0.00} s", "the baseline for the pulls");
                var pulls = Enumerable.Range(0, 5).Select(_ =>
                {
                    var clone = Workspace(parameters, lockText);
                    clones.Add(clone);
                    return Measure.Run(clone, host, ["--target=Pull"], env);
                }).ToList();
                var pull = pulls.OrderBy(p => p.Seconds).ElementAt(2);
                print("Pull into a fresh clone (median of 5)", $"{pull.Seconds:0.00} s", Summary(pull.Output, "Pulled from") + $"; {pull.Seconds - baseline:0.00} s beyond start-up");
                var runs = Enumerable.Range(0, 5).Select(_ =>
                {
                    var clone = Workspace(parameters, lockText);
                    clones.Add(clone);
                    return Measure.Run(clone, host, ["--pull"], env);
                }).ToList();
                var run = runs.OrderBy(p => p.Seconds).ElementAt(2);
                var pulled = Regex.Count(run.Output, @"│ \w+\s+│ Pulled ");
                print("Fresh clone, ./build.sh --pull (median of 5)", $"{run.Seconds:0.00} s",
                    $"{pulled} of 6 stages pulled, none ran; {run.Seconds - baseline:0.00} s beyond start-up (target < 2 s)");
            }
            finally
            {
                clones.Append(source).ToList().ForEach(d => Directory.Delete(d, recursive: true));
            }
        }
        finally
        {
            moto.Kill(entireProcessTree: true);
        }
    }

    private static void Jobs(string host, string parameters, Action<string, string, string> print)
    {
        double Median(string jobs) => Measure.Median(Enumerable.Range(0, 3).Select(_ =>
        {
            var workspace = Workspace(parameters, null);
            try
            {
                return Measure.Run(workspace, host, [jobs]).Seconds;
            }
            finally
            {
                Directory.Delete(workspace, recursive: true);
            }
        }));
        var one = Median("--jobs=1");
        var two = Median("--jobs=2");
        print("Demo pipeline from scratch, --jobs=1 (median of 3)", $"{one:0.00} s", "whole process");
        print("Demo pipeline from scratch, --jobs=2 (median of 3)", $"{two:0.00} s", $"Embed and Evaluate side by side: {one / two:0.00}x");
    }

    private static string Workspace(string parameters, string? lockText)
    {
        var workspace = Directory.CreateTempSubdirectory("bench-remote-").FullName;
        File.WriteAllText(Path.Combine(workspace, "params.yaml"), parameters);
        if (lockText is not null)
        {
            File.WriteAllText(Path.Combine(workspace, "pipeline.lock"), lockText);
        }
        return workspace;
    }

    private static string Summary(string output, string start) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal))?.Trim() ?? $"(no line starting '{start}')";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
