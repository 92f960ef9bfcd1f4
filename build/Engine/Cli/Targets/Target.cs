namespace Pipeline.Engine.Cli;

/// <summary>
/// A target --target takes: its name, kind and line, the options it takes, what it changes, and what it does.
/// One that changes something and declares --dryrun must change nothing under it and say what it would do.
/// </summary>
internal abstract class Target
{
    public abstract string Name { get; }

    /// <summary>stage, view or command, as help groups them.</summary>
    public abstract string Kind { get; }

    public abstract string Description { get; }

    public abstract TargetEffect Effect { get; }

    public abstract IReadOnlyList<TargetOption> Options { get; }

    public bool SupportsDryRun => Options.Contains(SharedOptions.DryRun);

    /// <summary>What --dryrun does here, for help; null when it is not taken.</summary>
    public virtual string? DryRunHelp => null;

    public abstract int Run(TargetContext context);
}
