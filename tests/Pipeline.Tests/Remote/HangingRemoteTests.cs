using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>A remote that accepts connections and never answers ends within the documented attempts and timeout, exit 1, naming the endpoint.</summary>
[Collection("remote")]
public sealed class HangingRemoteTests(RemoteFixture fixture)
{
    [Theory]
    [InlineData("--target=Push")]
    [InlineData("--target=Pull")]
    [InlineData("--target=Status", "--remote")]
    public void A_silent_remote_fails_in_bounded_time_with_a_line_naming_it(params string[] args)
    {
        using var silent = new SilentServer();
        using var workspace = fixture.Copy(whole: true).With(new Dictionary<string, string>
        {
            ["PIPELINE_REMOTE_URL"] = "s3://hung-bucket/team",
            ["PIPELINE_REMOTE_ENDPOINT"] = silent.Endpoint,
            ["PIPELINE_REMOTE_TIMEOUT"] = "1",
            ["AWS_ACCESS_KEY_ID"] = "testing-key",
            ["AWS_SECRET_ACCESS_KEY"] = "testing-secret",
        });
        File.Delete(workspace.PathOf("reports/metrics.json"));
        var clock = Stopwatch.StartNew();

        var run = workspace.Run(args);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"got no answer from {silent.Endpoint} within 1 s, 5 attempts", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("testing-secret", run.Err + run.Out, StringComparison.Ordinal);
        Assert.True(silent.Accepted >= 1, "the remote was never asked");
        // A hang guard, not a timing target: 5 attempts of 1 s each and their backoff end well within it.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_timeout_that_is_not_a_number_of_seconds_is_a_usage_error()
    {
        using var workspace = fixture.Copy(whole: true).With(new Dictionary<string, string>
        {
            ["PIPELINE_REMOTE_URL"] = "s3://some-bucket/team",
            ["PIPELINE_REMOTE_TIMEOUT"] = "soon",
        });

        var push = workspace.Run("--target=Push");

        Assert.Equal(2, push.ExitCode);
        Assert.Contains("PIPELINE_REMOTE_TIMEOUT=soon: give a whole number of seconds, 1 to 3,600", push.Err, StringComparison.Ordinal);
    }
}
