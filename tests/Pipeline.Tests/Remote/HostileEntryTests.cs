using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>
/// A run-cache entry is hostile until checked, whether it came from the remote or sits in .pipeline: paths outside the
/// stage's outs are refused before a byte is written, and Pull and Apply restore only what the lock (or the
/// experiment) records; a refused entry is named and dropped from the local cache.
/// </summary>
[Collection("remote")]
public sealed class HostileEntryTests(RemoteFixture fixture)
{
    [Fact]
    public void A_local_entry_whose_file_climbs_out_of_its_out_is_refused_and_the_stage_runs_instead()
    {
        using var workspace = fixture.Copy(whole: true);
        var escaped = Path.GetFullPath(Path.Combine(workspace.Root, "..", $"escaped-{Guid.NewGuid():N}.parquet"));
        var manifest = Manifest(workspace.PathOf(".pipeline/cache/runs"), "  data/features:\n  - path: test.parquet");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("- path: test.parquet", $"- path: ../../../../../../{Path.GetFileName(escaped)}", StringComparison.Ordinal));
        Directory.Delete(workspace.PathOf("data/features"), recursive: true);

        var run = workspace.Run("--target=Features");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Ran", run.Outcome("Features"));
        Assert.Contains("refused: it names 'data/features/../../../../../../", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(escaped));
        // The stage ran and stored its entry anew, whole: the forged path is gone with the refused entry.
        Assert.DoesNotContain("../", File.ReadAllText(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_entry_naming_a_path_that_is_not_an_out_of_the_stage_is_refused()
    {
        using var workspace = fixture.Copy(whole: true);
        var manifest = Manifest(workspace.PathOf(".pipeline/cache/runs"), "  data/features:\n  - path: test.parquet");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("files:\n", "files:\n  params.yaml:\n  - path: ''\n    hash: 4254ae2dff43949c76ac0e5f80f78e0e\n", StringComparison.Ordinal));
        var paramsBefore = workspace.Bytes("params.yaml");
        Directory.Delete(workspace.PathOf("data/features"), recursive: true);

        var run = workspace.Run("--target=Features");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("refused: it names 'params.yaml', which is not an out of the stage", run.Err, StringComparison.Ordinal);
        Assert.Equal(paramsBefore, workspace.Bytes("params.yaml"));
    }

    [Fact]
    public void Pull_refuses_a_remote_entry_whose_outs_are_not_what_the_lock_records_and_keeps_nothing_of_it()
    {
        using var remote = fixture.NewRemote("folder");
        using var pusher = fixture.Copy(whole: true).With(remote.Variables);
        Assert.Equal(0, pusher.Run("--target=Push").ExitCode);
        var root = remote.Variables["PIPELINE_REMOTE_URL"];
        // A consistent forgery: evaluate's record and files say metrics.json is the bytes of predictions.csv (an object the remote has).
        var manifest = Manifest(Path.Combine(root, "runs"), "  reports/metrics.json:\n  - path: ''");
        var text = File.ReadAllText(manifest);
        var metrics = HashAfter(text, "reports/metrics.json: ");
        var predictions = HashAfter(text, "reports/predictions.csv: ");
        File.WriteAllText(manifest, text.Replace(metrics, predictions, StringComparison.Ordinal));
        using var clone = fixture.Copy(whole: false).With(remote.Variables);
        var lockBefore = clone.Bytes("pipeline.lock");

        var pull = clone.Run("--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Equal("Failed", pull.Outcome("Evaluate"));
        Assert.Contains($"refused: it gives reports/metrics.json as {predictions[..12]}, but pipeline.lock records {metrics[..12]}", pull.Err, StringComparison.Ordinal);
        Assert.False(clone.Exists("reports/metrics.json"));
        Assert.False(File.Exists(clone.PathOf($".pipeline/cache/runs/{Path.GetFileName(manifest)}")));
        Assert.Equal(lockBefore, clone.Bytes("pipeline.lock"));
        Assert.Equal("Restored", pull.Outcome("Train"));
    }

    [Fact]
    public void Pull_refuses_a_remote_entry_with_an_absolute_path_before_writing_a_byte()
    {
        using var remote = fixture.NewRemote("folder");
        using var pusher = fixture.Copy(whole: true).With(remote.Variables);
        Assert.Equal(0, pusher.Run("--target=Push").ExitCode);
        var target = Path.Combine(Path.GetTempPath(), $"pipeline-escape-{Guid.NewGuid():N}");
        var manifest = Manifest(Path.Combine(remote.Variables["PIPELINE_REMOTE_URL"], "runs"), "  data/features:\n  - path: test.parquet");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("- path: test.parquet", $"- path: {target}", StringComparison.Ordinal));
        using var clone = fixture.Copy(whole: false).With(remote.Variables);

        var pull = clone.Run("--target=Pull");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("cannot be read; not used", pull.Err, StringComparison.Ordinal);
        Assert.Contains("Features: neither the run-cache nor the remote has an entry", pull.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(clone.Exists("data/features"));
    }

    [Fact]
    public void Apply_refuses_a_tampered_entry_and_leaves_params_yaml_as_it_was()
    {
        using var workspace = fixture.Copy(whole: true);
        var baseline = workspace.Read("pipeline.lock");
        Assert.Equal(0, workspace.Run("--set", "train.mlp.learning_rate=0.01").ExitCode);
        var rows = workspace.Run("--target=Experiments").Out.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        var id = rows.Select(r => r.Split('|')[1].Trim()).First(i => !i.Contains("workspace", StringComparison.Ordinal));
        var escaped = Path.GetFullPath(Path.Combine(workspace.Root, "..", $"escaped-{Guid.NewGuid():N}.parquet"));
        var manifest = Manifest(workspace.PathOf(".pipeline/cache/runs"), "  data/features:\n  - path: test.parquet");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("- path: test.parquet", $"- path: ../../../../../../{Path.GetFileName(escaped)}", StringComparison.Ordinal));
        Directory.Delete(workspace.PathOf("data/features"), recursive: true);
        var paramsBefore = workspace.Bytes("params.yaml");

        var apply = workspace.Run("--target=Apply", $"--exp={id}");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("Features: its run-cache entry is missing, damaged or refused", apply.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(escaped));
        Assert.Equal(paramsBefore, workspace.Bytes("params.yaml"));
        Assert.NotEqual(baseline, workspace.Read("pipeline.lock"));
    }

    /// <summary>The entry whose manifest contains <paramref name="marker"/>.</summary>
    private static string Manifest(string runs, string marker) =>
        Directory.EnumerateFiles(runs, "*.yaml").Single(f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal));

    private static string HashAfter(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return text.Substring(at, 32);
    }
}
