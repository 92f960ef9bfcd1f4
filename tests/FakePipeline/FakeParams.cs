using System.ComponentModel.DataAnnotations;

namespace FakePipeline;

public sealed record FakeParams
{
    public int Seed { get; init; } = 1;
    public MakeParams Make { get; init; } = new();
    public ShoutParams Shout { get; init; } = new();
    public List<LayerParams> Layers { get; init; } = [new()];
}

public sealed record MakeParams
{
    public string Text { get; init; } = "hello";

    [Range(1, 1000, ErrorMessage = "must be between 1 and 1000")]
    public int Repeat { get; init; } = 3;

    /// <summary>How long the stage works, in steps of 50 ms, so a test can kill it mid-way.</summary>
    public int SleepMs { get; init; }

    /// <summary>A file the stage waits for before it finishes, so a test can hold it mid-run until the test says (an event, not a sleep).</summary>
    public string? Hold { get; init; }

    /// <summary>none | crash | bad_input: how the stage fails, for tests.</summary>
    public string Fail { get; init; } = "none";
}

public sealed record ShoutParams
{
    public bool Upper { get; init; } = true;
    public string Suffix { get; init; } = "!";
}

public sealed record LayerParams
{
    [Range(1, int.MaxValue, ErrorMessage = "must be at least 1")]
    public int Units { get; init; } = 5;
}
