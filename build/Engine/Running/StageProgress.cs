namespace Pipeline.Engine.Running;

/// <summary>
/// How a running stage tells how far it is: one fraction for the stage, and named phases with counts
/// ("ana: liked songs", 350, 1000) for stages that do several things at once. A total of 0 means not yet known.
/// Both may be reported from any thread.
/// </summary>
internal sealed record StageProgress(IProgress<double> Fraction, IProgress<(string Phase, long Done, long Total)> Phases)
{
    public static StageProgress None { get; } = new(new Progress<double>(), new Progress<(string, long, long)>());
}
