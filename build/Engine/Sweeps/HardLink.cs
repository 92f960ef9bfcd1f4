using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Engine.Sweeps;

/// <summary>A hard link where the file system makes one (same device, Linux or macOS), else a copy.</summary>
internal static partial class HardLink
{
    public static void LinkOrCopy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (OperatingSystem.IsWindows() || !TryLink(source, target))
        {
            File.Copy(source, target, overwrite: true);
        }
    }

    private static bool TryLink(string source, string target)
    {
        try
        {
            return Link(Encoding.UTF8.GetBytes(source + "\0"), Encoding.UTF8.GetBytes(target + "\0")) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link")]
    private static partial int Link(byte[] oldPath, byte[] newPath);
}
