namespace Pipeline.Engine.Planning;

/// <summary>What the engine does with a stage, and why: a value, so Status and --dryrun can explain it.</summary>
internal abstract record Decision
{
    /// <summary>Why, typed.</summary>
    public abstract IReadOnlyList<ChangeReason> Why { get; }

    /// <summary>Why, as the words Status and the log print.</summary>
    public IReadOnlyList<string> Reasons => [.. Why.Select(r => r.Text)];

    public sealed record Skip : Decision
    {
        public override IReadOnlyList<ChangeReason> Why => [];
    }

    public sealed record Restore(string Fingerprint, IReadOnlyList<ChangeReason> Because) : Decision
    {
        public override IReadOnlyList<ChangeReason> Why => Because;
    }

    public sealed record Run(IReadOnlyList<ChangeReason> Because) : Decision
    {
        public override IReadOnlyList<ChangeReason> Why => Because;
    }
}
