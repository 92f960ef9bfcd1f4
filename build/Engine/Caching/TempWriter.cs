namespace Pipeline.Engine.Caching;

/// <summary>The writer of a temporary file named NAME.PID[.GUID].tmp, as the run-cache names them.</summary>
internal static class TempWriter
{
    /// <summary>NAME.PID[.GUID].tmp: whether that PID is this process or a running one.</summary>
    public static bool Alive(string temp)
    {
        var parts = Path.GetFileName(temp).Split('.');
        var pid = parts.Reverse().Skip(1).Take(2).Select(p => int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .FirstOrDefault(n => n > 0);
        if (pid == 0)
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
