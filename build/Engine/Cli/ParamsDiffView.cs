using System.Text;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Locking;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// ParamsDiff: the params each stage last ran with, from pipeline.lock at a git revision and in the workspace
/// (so runs with --set count), by key path, with the stages each change touches. Where params.yaml and the lock
/// disagree (a --set run, or an edit not run yet), a line below the table says so.
/// </summary>
internal static class ParamsDiffView
{
    public static int Show(Workspace workspace, StageGraph graph, string rev, IReadOnlyDictionary<string, string> fileParams, bool all, IAnsiConsole console)
    {
        console.Profile.Out.Writer.Write(Text(workspace, graph, rev, fileParams, all));
        return ExitCodes.Success;
    }

    /// <summary>The ParamsDiff table (or a line saying nothing changed), and the note when params.yaml and the lock disagree.</summary>
    public static string Text(Workspace workspace, StageGraph graph, string rev, IReadOnlyDictionary<string, string> fileParams, bool all)
    {
        if (!File.Exists(workspace.LockFile))
        {
            throw PipelineErrors.NotInWorkspace(Workspace.LockFileName);
        }
        var now = LockFile.Read(workspace.LockFile, Workspace.LockFileName);
        var before = LockFile.Parse(GitShow.Read(workspace.Root, rev, Workspace.LockFileName) ?? throw PipelineErrors.NotAtRevision(Workspace.LockFileName, rev),
            $"{rev}:{Workspace.LockFileName}");
        var stages = graph.Ordered.Select(s => s.Key).Union(now.Stages.Keys).Union(before.Stages.Keys).ToList();
        var keys = stages.SelectMany(s => Params(before, s).Keys.Concat(Params(now, s).Keys)).Distinct().Order(StringComparer.Ordinal);
        var rows = new List<string[]>();
        foreach (var key in keys)
        {
            var touched = stages.Where(s => Params(before, s).GetValueOrDefault(key) != Params(now, s).GetValueOrDefault(key)).ToList();
            var users = stages.Where(s => Params(before, s).ContainsKey(key) || Params(now, s).ContainsKey(key)).ToList();
            if (touched.Count > 0 || all)
            {
                rows.Add([key, Value(before, users, key), Value(now, users, key), string.Join(", ", touched.Count > 0 ? touched : users)]);
            }
        }
        var text = new StringBuilder(rows.Count == 0 ? $"No params changed since {MarkdownTable.Escape(rev)}.\n" : MarkdownTable.Render(["Param", rev, "workspace", "Stages"], rows));
        var pending = now.Stages.SelectMany(s => s.Value.Params)
            .Where(p => fileParams.TryGetValue(p.Key, out var value) && value != p.Value).Select(p => p.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        if (pending.Count > 0)
        {
            text.Append($"\nparams.yaml and {Workspace.LockFileName} differ in {string.Join(", ", pending)}: the last run used --set, " +
                "or params.yaml changed since; this table compares what the stages ran with.\n");
        }
        return text.ToString();
    }

    private static SortedDictionary<string, string> Params(LockFile lockFile, string stage) =>
        lockFile.Stages.TryGetValue(stage, out var record) ? record.Params : new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The value the first stage that records the key ran with; "—" when none did.</summary>
    private static string Value(LockFile lockFile, IEnumerable<string> stages, string key) =>
        stages.Select(s => Params(lockFile, s).GetValueOrDefault(key)).FirstOrDefault(v => v is not null) ?? "—";
}
