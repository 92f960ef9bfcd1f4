using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Remote;

/// <summary>--jobs: stages with no path between them (Embed and Evaluate) side by side, with the same outputs and lock as one by one.</summary>
public sealed class ParallelStagesTests
{
    [Fact]
    public void Jobs_2_gives_the_same_outputs_lock_and_summary_order_as_jobs_1()
    {
        using var one = new SongWorkspace(SongWorkspace.DemoParams(tracksPerUser: 120));
        using var two = new SongWorkspace(SongWorkspace.DemoParams(tracksPerUser: 120));

        var serial = one.Run("--jobs=1");
        var parallel = two.Run("--jobs=2");
        var again = two.Run("--jobs=2");

        Assert.True(serial.ExitCode == 0, serial.ToString());
        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.Equal(serial.Outcomes.Keys, parallel.Outcomes.Keys);
        Assert.All(parallel.Outcomes.Values, o => Assert.Equal("Ran", o));
        Assert.All(again.Outcomes.Values, o => Assert.Equal("Skipped", o));
        SharedCacheTests.AssertSameOutputs(one, two);
    }

    [Theory]
    [InlineData("--jobs=0", "--jobs 0: out of range; give 1 to 64")]
    [InlineData("--remote", "--remote is not an option of Report; Report takes --force, --exclusive, --dryrun")]
    public void Bad_options_are_refused(string option, string expected)
    {
        using var workspace = new SongWorkspace(SongWorkspace.DemoParams(tracksPerUser: 120));

        var run = workspace.Run(option);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }
}
