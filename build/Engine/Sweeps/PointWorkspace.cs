using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// A point's own workspace under .pipeline/sweeps/ID/points/N: a copy of params.yaml and every input no stage makes
/// (imports), hard-linked where possible, and nothing else. The point reads and fills the user's run-cache
/// (PIPELINE_CACHE_DIR), never the user's params, outputs or lock.
/// </summary>
internal static class PointWorkspace
{
    public static void Create(Workspace user, StageGraph graph, string folder, Action<string> notice)
    {
        if (Directory.Exists(folder))
        {
            // What an interrupted sweep left: a point still running there (its sweep was killed) is waited for first.
            using (WorkspaceLock.Acquire(new Workspace(folder), wait: true, _ => notice($"waiting for the run an earlier sweep left in {folder} to end")))
            {
            }
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var made = graph.Ordered.SelectMany(s => s.Outs).ToHashSet(StringComparer.Ordinal);
        // params.yaml is copied (an editor writing it in place must not reach a running point); inputs are linked. The
        // code versions the sweep worked out are copied too, so no point walks the IL again.
        File.Copy(user.ParamsFile, Path.Combine(folder, Workspace.ParamsFileName));
        var point = new Workspace(folder);
        if (File.Exists(Path.Combine(user.Root, Remote.RemoteConfig.FileName)))
        {
            File.Copy(Path.Combine(user.Root, Remote.RemoteConfig.FileName), Path.Combine(folder, Remote.RemoteConfig.FileName)); // the shared remote, for --pull
        }
        if (File.Exists(user.CodeMemoFile))
        {
            Directory.CreateDirectory(point.StateDir);
            File.Copy(user.CodeMemoFile, point.CodeMemoFile);
        }
        var inputs = graph.Ordered.SelectMany(s => s.Deps).Where(d => !made.Contains(d) && d != Workspace.ParamsFileName).Distinct(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var from = Path.Combine(user.Root, input);
            if (File.Exists(from))
            {
                HardLink.LinkOrCopy(from, Path.Combine(folder, input));
            }
            else if (Directory.Exists(from))
            {
                foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                {
                    HardLink.LinkOrCopy(file, Path.Combine(folder, input, Path.GetRelativePath(from, file)));
                }
            }
        }
    }
}
