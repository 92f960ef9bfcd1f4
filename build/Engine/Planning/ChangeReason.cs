namespace Pipeline.Engine.Planning;

/// <summary>
/// Why a stage must run (or be restored): typed, so code can ask what changed, and rendered to text in one place,
/// <see cref="Text"/>, the words Status, --dryrun and the run log print.
/// </summary>
internal abstract record ChangeReason
{
    public abstract string Text { get; }

    public sealed override string ToString() => Text;

    public sealed record NeverRun : ChangeReason
    {
        public override string Text => "never run";
    }

    public sealed record AlwaysChanged : ChangeReason
    {
        public override string Text => "always runs: it reads from outside the workspace";
    }

    public sealed record CodeChanged : ChangeReason
    {
        public override string Text => "code changed";
    }

    /// <summary>A declared param's value changed; <paramref name="Old"/> null when it is new, <paramref name="New"/> null when removed.</summary>
    public sealed record ParamChanged(string Key, string? Old, string? New) : ChangeReason
    {
        public override string Text => (Old, New) switch
        {
            (null, _) => $"params changed: {Key} added ({New})",
            (_, null) => $"params changed: {Key} removed (was {Old})",
            _ => $"params changed: {Key} {Old} -> {New}",
        };
    }

    /// <summary>A dep's content changed, or the dep is new (<paramref name="Added"/>) or gone (<paramref name="Removed"/>).</summary>
    public sealed record DepChanged(string Path, bool Added = false, bool Removed = false) : ChangeReason
    {
        public override string Text => Added ? $"dep added: {Path}" : Removed ? $"dep removed: {Path}" : $"dep changed: {Path}";
    }

    public sealed record OutMissing(string Path) : ChangeReason
    {
        public override string Text => $"out missing: {Path}";
    }

    public sealed record OutNotRecorded(string Path) : ChangeReason
    {
        public override string Text => $"out not recorded: {Path}";
    }

    public sealed record OutModified(string Path) : ChangeReason
    {
        public override string Text => $"out modified: {Path}";
    }

    /// <summary>A stage upstream will run first, so this stage's inputs are not known yet.</summary>
    public sealed record UpstreamChanging(string Stage) : ChangeReason
    {
        public override string Text => $"upstream will change: {Stage}";
    }

    public sealed record Forced : ChangeReason
    {
        public override string Text => "forced";
    }
}
