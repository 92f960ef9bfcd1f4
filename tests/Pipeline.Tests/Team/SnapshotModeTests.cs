using Snapshooter;
using Snapshooter.Xunit;

namespace Pipeline.Tests.Team;

/// <summary>What the snapshots guard: in CI (strict mode) a missing snapshot fails; anywhere, a changed output fails with a diff.</summary>
[Collection(nameof(SnapshotModeTests))]
public sealed class SnapshotModeTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"));
    private readonly string? strict = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", strict);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void In_strict_mode_a_missing_snapshot_fails_and_none_is_written()
    {
        Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");

        Assert.ThrowsAny<Exception>(() => Snapshot.Match("an output", new SnapshotFullName("missing.snap", folder)));

        Assert.False(File.Exists(Path.Combine(folder, "__snapshots__", "missing.snap")));
    }

    [Fact]
    public void A_changed_output_fails_with_a_diff_naming_what_changed()
    {
        Directory.CreateDirectory(Path.Combine(folder, "__snapshots__"));
        File.WriteAllText(Path.Combine(folder, "__snapshots__", "metrics.snap"), "| auc | 0.8213 |");

        var error = Assert.ThrowsAny<Exception>(() => Snapshot.Match("| auc | 0.8411 |", new SnapshotFullName("metrics.snap", folder)));

        Assert.Contains("0.8411", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.8213", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_command_turns_strict_mode_on_in_CI()
    {
        var script = File.ReadAllText(Path.Combine(Harness.Repository.Root, "test.sh"));

        Assert.Contains("SNAPSHOOTER_STRICT_MODE=true", script, StringComparison.Ordinal);
    }
}
