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

    /// <summary>
    /// Takes the lock, waiting (saying so once) or, without <paramref name="wait"/>, failing with <paramref name="busy"/>'s
    /// error for the holder (by default: another run holds this workspace).
    /// </summary>
    public static WorkspaceLock Acquire(Workspace workspace, bool wait, Action<string> onWaiting, Func<string, PipelineException>? busy = null)
    {
        Directory.CreateDirectory(workspace.StateDir);
        var handle = ExclusiveFile.Acquire(workspace.RunLockFile, Poll, first =>
        {
            var holder = File.Exists(workspace.RunHolderFile) ? File.ReadAllText(workspace.RunHolderFile).Trim() : "unknown process";
            if (!wait)
            {
                throw (busy ?? PipelineErrors.WorkspaceBusy)(holder);
            }
            if (first)
            {
                onWaiting($"Waiting for the run that holds this workspace ({holder})...");
            }
        });
        var note = string.Create(CultureInfo.InvariantCulture, $"PID {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.Now:HH:mm:ss}");
        File.WriteAllText(workspace.RunHolderFile, note);
        return new WorkspaceLock(handle);
    }

    public void Dispose() => handle.Dispose();
}
