namespace Pipeline.Tests.Harness;

/// <summary>A file's Unix permissions (the suite runs on Linux; null elsewhere).</summary>
public static class FileModes
{
    public static UnixFileMode? Of(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);
}
