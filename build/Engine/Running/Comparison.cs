namespace Pipeline.Engine.Running;

/// <summary>A run's --rev for the stages that show changes: the revision, and the Markdown of the changes against it, made when asked.</summary>
internal sealed record Comparison(string Rev, Func<string> Render)
{
    /// <summary>How the changes stand among a stage's deps in the lock and in Status.</summary>
    public string DepKey => $"(changes against {Rev})";
}
