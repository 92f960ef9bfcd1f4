namespace Pipeline.Engine.Files;

/// <summary>
/// An exclusive OS lock on a file, held while its stream is open and released by the kernel when the holder dies; a
/// busy file is tried again every <c>poll</c> until it is free.
/// </summary>
internal static class ExclusiveFile
{
    /// <summary>
    /// Opens <paramref name="path"/> exclusively, waiting while another holds it; <paramref name="busy"/> hears each
    /// busy attempt (true the first time) and may throw to stop waiting.
    /// </summary>
    public static FileStream Acquire(string path, TimeSpan poll, Action<bool> busy)
    {
        var first = true;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                busy(first);
                first = false;
                Thread.Sleep(poll);
            }
        }
    }
}
