namespace Pipeline.Stages.Parameters;

/// <summary>
/// Input files named in params.yaml are workspace paths: relative, inside the workspace, so the lock and the
/// run-cache mean the same on every clone. A file outside is refused with the fix (copy it into imports/).
/// </summary>
public static class WorkspaceFiles
{
    /// <summary>Why the path cannot be an input, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Trim().Length == 0)
        {
            return "is empty";
        }
        if (Path.IsPathRooted(path) || path.StartsWith('~'))
        {
            return "is an absolute path: name a file inside the workspace, relative to it (copy it into imports/ first)";
        }
        if (Normalize(path).Split('/').Contains(".."))
        {
            return "is outside the workspace: name a file inside it (copy it into imports/ first)";
        }
        return null;
    }

    /// <summary>"./imports//a.csv" and "imports/x/../a.csv" are both "imports/a.csv".</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
