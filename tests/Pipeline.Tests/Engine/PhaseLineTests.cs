using Pipeline.Engine.Cli;

namespace Pipeline.Tests.Engine;

/// <summary>A long phase's line says how long is left, from its pace so far.</summary>
public sealed class PhaseLineTests
{
    [Fact]
    public void The_time_left_comes_from_the_pace_so_far()
    {
        Assert.Equal("about 6 s left", PhaseLine.Left(250, 1_000, TimeSpan.FromSeconds(2)));
        Assert.Equal("about 3 min left", PhaseLine.Left(100, 1_000, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void No_estimate_before_a_second_for_an_uncounted_phase_or_at_the_end()
    {
        Assert.Null(PhaseLine.Left(500, 1_000, TimeSpan.FromMilliseconds(400)));
        Assert.Null(PhaseLine.Left(500, 0, TimeSpan.FromSeconds(5)));
        Assert.Null(PhaseLine.Left(0, 1_000, TimeSpan.FromSeconds(5)));
        Assert.Null(PhaseLine.Left(1_000, 1_000, TimeSpan.FromSeconds(5)));
    }
}
