using Pipeline.Engine.Files;

namespace Pipeline.Engine.Running;

/// <summary>Moves a stage's outs from its temp folder into the workspace, each by a rename.</summary>
internal static class OutputCommitter
{
    public static void Commit(string tempRoot, IEnumerable<string> outs, Workspace workspace)
    {
        var trash = Path.Combine(workspace.TempDir, $"trash-{Environment.ProcessId}");
        foreach (var path in outs)
        {
            var source = Path.Combine(tempRoot, path);
            var target = Path.Combine(workspace.Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target) || Directory.Exists(target))
            {
                var old = Path.Combine(trash, path);
                Directory.CreateDirectory(Path.GetDirectoryName(old)!);
                Move(target, old);
            }
            Move(source, target);
        }
        Delete(trash);
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }
}
