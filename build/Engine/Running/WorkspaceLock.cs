using System.Globalization;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Running;

/// <summary>
/// One run at a time per workspace: an exclusive OS file lock (released by the kernel when its holder
/// dies, so a stale lock is taken over), plus a note of who holds it, for the message.
/// </summary>
internal sealed class WorkspaceLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly FileStream handle;

    private WorkspaceLock(FileStream handle) => this.handle = handle;

    public static WorkspaceLock Acquire(Workspace workspace, bool wait, Action<string> onWaiting)
    {
        Directory.CreateDirectory(workspace.StateDir);
        var announced = false;
        while (true)
        {
            var handle = TryOpen(workspace.RunLockFile);
            if (handle is not null)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $"PID {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.Now:HH:mm:ss}");
                File.WriteAllText(workspace.RunHolderFile, note);
                return new WorkspaceLock(handle);
            }
            var holder = File.Exists(workspace.RunHolderFile) ? File.ReadAllText(workspace.RunHolderFile).Trim() : "unknown process";
            if (!wait)
            {
                throw PipelineErrors.WorkspaceBusy(holder);
            }
            if (!announced)
            {
                onWaiting($"Waiting for the run that holds this workspace ({holder})...");
                announced = true;
            }
            Thread.Sleep(Poll);
        }
    }

    public void Dispose() => handle.Dispose();

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
