namespace Pipeline.Engine.Running;

/// <summary>What the engine does with a stage, and why: a value, so Status and --dryrun can explain it.</summary>
public abstract record Decision
{
    public abstract IReadOnlyList<string> Reasons { get; }

    public sealed record Skip : Decision
    {
        public override IReadOnlyList<string> Reasons => [];
    }

    public sealed record Restore(string Fingerprint, IReadOnlyList<string> Why) : Decision
    {
        public override IReadOnlyList<string> Reasons => Why;
    }

    public sealed record Run(IReadOnlyList<string> Why) : Decision
    {
        public override IReadOnlyList<string> Reasons => Why;
    }
}
