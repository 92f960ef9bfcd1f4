using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>
/// The shared run-cache end to end, through the real command line, on a real S3 protocol server (moto on
/// 127.0.0.1) and on a plain folder: the same tests for both.
/// </summary>
[Collection("remote")]
public sealed class SharedCacheTests(RemoteFixture fixture)
{
    public static TheoryData<string> Kinds => ["s3", "folder"];

    private static readonly string[] Outputs = ["data", "models", "reports", "pipeline.lock"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Push_then_pull_into_a_fresh_clone_gives_identical_outputs_and_runs_nothing(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var pusher = With(fixture.Copy(whole: true), remote);
        using var clone = With(fixture.Copy(whole: false), remote);

        var push = pusher.Run("--target=Push");
        var pull = clone.Run("--target=Pull");
        var after = clone.Run("--target=Status");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("6 new of 6 entries", push.Out, StringComparison.Ordinal);
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.DoesNotContain("Ran", pull.Outcomes.Values);
        Assert.All(pull.Outcomes.Values, o => Assert.Equal("Restored", o));
        Assert.Equal(0, after.ExitCode);
        AssertSameOutputs(fixture.Template, clone);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_second_push_uploads_nothing(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var pusher = With(fixture.Copy(whole: true), remote);

        pusher.Run("--target=Push");
        var keys = remote.Keys();
        var again = pusher.Run("--target=Push");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Everything was already on", again.Out, StringComparison.Ordinal);
        Assert.Contains("nothing uploaded", again.Out, StringComparison.Ordinal);
        Assert.Equal(keys, remote.Keys());
        // One check and one listing per folder: never a request per file.
        Assert.Matches(kind == "s3" ? @"\(6 entries checked, 3 requests" : @"\(6 entries checked, \d requests", again.Out);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_run_with_pull_restores_every_stage_from_the_remote(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var pusher = With(fixture.Copy(whole: true), remote);
        using var clone = With(fixture.Copy(whole: false), remote);
        pusher.Run("--target=Push");

        var status = clone.Run("--target=Status", "--remote");
        var run = clone.Run("--pull");

        Assert.Contains("fetch: the remote could restore it", status.Out, StringComparison.Ordinal);
        Assert.Contains("report: the remote could restore it", status.Out, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Outcomes.Values, o => Assert.Equal("Pulled", o));
        AssertSameOutputs(fixture.Template, clone);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_corrupted_object_on_the_remote_is_detected_and_not_used(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var pusher = With(fixture.Copy(whole: true), remote);
        using var clone = With(fixture.Copy(whole: false), remote);
        pusher.Run("--target=Push");
        var fetchEntry = pusher.Run("--target=Status"); // nothing: the pusher is up to date
        var victim = remote.Keys().First(k => k.StartsWith("objects/", StringComparison.Ordinal));
        remote.Overwrite(victim, "not what the hash says");

        var run = clone.Run("--pull");

        Assert.Equal(0, fetchEntry.ExitCode);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"object {victim[8..10]}{victim[11..21]} on ", run.Err, StringComparison.Ordinal);
        Assert.Contains("does not match its hash; dropped", run.Err, StringComparison.Ordinal);
        Assert.Contains("Ran", run.Outcomes.Values);
        Assert.False(File.Exists(clone.PathOf($".pipeline/cache/{victim}")) && File.ReadAllText(clone.PathOf($".pipeline/cache/{victim}")) == "not what the hash says");
        AssertSameOutputs(fixture.Template, clone);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_pushes_of_the_same_entries_at_once_are_safe(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var one = With(fixture.Copy(whole: true), remote);
        using var two = With(fixture.Copy(whole: true), remote);
        using var clone = With(fixture.Copy(whole: false), remote);

        var pushes = new[] { one, two }.AsParallel().Select(w => w.Run("--target=Push")).ToList();
        var pull = clone.Run("--target=Pull");

        Assert.All(pushes, p => Assert.True(p.ExitCode == 0, p.ToString()));
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.All(pull.Outcomes.Values, o => Assert.Equal("Restored", o));
        AssertSameOutputs(fixture.Template, clone);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Pull_with_nothing_on_the_remote_fails_clearly_and_keeps_the_workspace(string kind)
    {
        using var remote = fixture.NewRemote(kind);
        using var clone = With(fixture.Copy(whole: false), remote);
        var lockBefore = clone.Read("pipeline.lock");

        var pull = clone.Run("--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("Fetch: neither the run-cache nor the remote has an entry that gives what pipeline.lock records", pull.Err, StringComparison.Ordinal);
        Assert.Equal(lockBefore, clone.Read("pipeline.lock"));
        Assert.False(clone.Exists("data"));
    }

    [Fact]
    public void The_same_tests_see_a_file_url_as_a_folder()
    {
        using var remote = fixture.NewRemote("folder");
        var folder = remote.Variables["PIPELINE_REMOTE_URL"];
        using var pusher = fixture.Copy(whole: true);
        pusher.Write("pipeline.remote.yaml", $"url: file://{folder}\n");

        var push = pusher.Run("--target=Push");

        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains($"Pushed to file://{folder}", push.Out, StringComparison.Ordinal);
        Assert.Contains(remote.Keys(), k => k.StartsWith("runs/", StringComparison.Ordinal));
    }

    private static SongWorkspace With(SongWorkspace workspace, RemoteUnderTest remote) => workspace.With(remote.Variables);

    internal static void AssertSameOutputs(SongWorkspace expected, SongWorkspace actual)
    {
        foreach (var output in Outputs)
        {
            var files = File.Exists(expected.PathOf(output)) ? [output]
                : Directory.EnumerateFiles(expected.PathOf(output), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected.Root, f)).ToList();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.True(actual.Exists(file), $"{file} is missing");
                Assert.True(expected.Bytes(file).AsSpan().SequenceEqual(actual.Bytes(file)), $"{file} differs");
            }
        }
    }
}
