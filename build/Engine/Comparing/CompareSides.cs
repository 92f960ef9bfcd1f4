using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Experiments;
using Pipeline.Engine.Files;
using Pipeline.Engine.Locking;

namespace Pipeline.Engine.Comparing;

/// <summary>
/// Which sides Compare puts next to each other, in order (the first is the baseline): the --rev values, then the --exp
/// values; one of them alone is compared with the workspace; none is HEAD against the workspace; --sweep=ID is its points.
/// "workspace" as a --rev is the workspace, as in DVC.
/// </summary>
internal static class CompareSides
{
    public const int Max = 8;
    public const string WorkspaceName = "workspace";

    public static List<SideSpec> Given(TargetContext context, IReadOnlyList<string> revs, IReadOnlyList<string> exps)
    {
        var sides = new List<SideSpec>();
        sides.AddRange(revs.Select(rev => rev == WorkspaceName ? Workspace(context) : Revision(context, rev)));
        if (exps.Count > 0)
        {
            var rows = ExperimentsTarget.Catalog(context, allCommits: true);
            sides.AddRange(exps.Select(id => Experiment(ApplyTarget.Find(rows, id))));
        }
        if (sides.Count == 0)
        {
            sides.Add(Revision(context, "HEAD"));
        }
        if (sides.Count == 1)
        {
            sides.Add(Workspace(context));
        }
        if (sides.Count > Max)
        {
            throw new PipelineException($"Compare takes at most {Max} sides; {sides.Count} were given (--rev and --exp together)", ExitCodes.BadUsage);
        }
        return sides;
    }

    public static SideSpec Workspace(TargetContext context)
    {
        var locked = LockFile.Read(context.Workspace.LockFile, Files.Workspace.LockFileName);
        return new SideSpec(WorkspaceName, CompareSideKind.Workspace, IdOf(locked.Stages), locked.Stages);
    }

    public static SideSpec Revision(TargetContext context, string rev)
    {
        var root = context.Workspace.Root;
        var (_, shortHash) = GitShow.Commit(root, rev);
        var text = GitShow.Read(root, rev, Files.Workspace.LockFileName)
            ?? throw new PipelineException($"--rev {TerminalText.Safe(rev)}: {Files.Workspace.LockFileName} is not in {shortHash}: nothing was run there to compare", ExitCodes.Failed);
        var locked = LockFile.Parse(text, $"{shortHash}:{Files.Workspace.LockFileName}");
        return new SideSpec(rev, CompareSideKind.Revision, IdOf(locked.Stages), locked.Stages) { Commit = shortHash, Rev = rev };
    }

    public static SideSpec Experiment(ExperimentRow row, string? label = null) =>
        new(label ?? $"exp {row.Id}", CompareSideKind.Experiment, row.Id, row.Stages) { Commit = row.Commit };

    private static string IdOf(SortedDictionary<string, StageRecord> stages) => stages.Count == 0 ? "" : Experiments.Experiment.IdOf(stages);
}
