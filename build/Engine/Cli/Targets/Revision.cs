using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>A --rev value is a revision, never a git option: one starting with '-' is refused before git sees it.</summary>
internal static class Revision
{
    public static string From(TargetContext context) => Check(context.Options.Text(SharedOptions.DiffRev.Name) ?? "HEAD");

    public static string Check(string rev) =>
        rev.StartsWith('-') || rev.Any(char.IsControl)
            ? throw new PipelineException($"--rev {TerminalText.Safe(rev)}: not a revision (a branch, tag or commit; it may not start with '-')", ExitCodes.BadUsage)
            : rev;
}
