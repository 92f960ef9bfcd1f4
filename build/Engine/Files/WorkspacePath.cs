namespace Pipeline.Engine.Files;

/// <summary>Paths as the lock and the graph know them: relative, forward slashes, no trailing slash.</summary>
internal static class WorkspacePath
{
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/').Trim();
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }
        p = p.TrimEnd('/');
        if (p.Length == 0 || Path.IsPathRooted(p) || p.Split('/').Any(part => part is ".." or "." or ""))
        {
            throw new ArgumentException($"'{path}' must be a relative path inside the workspace", nameof(path));
        }
        return p;
    }

    public static bool Contains(string parent, string child) =>
        parent == child || child.StartsWith(parent + "/", StringComparison.Ordinal);
}
