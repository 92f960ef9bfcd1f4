using System.Runtime.InteropServices;

namespace Pipeline.Engine.Running;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during a run: the process stops at once with 128 + the signal (130 for Ctrl-C), as a
/// shell expects, after one line saying what was kept: the stages that finished are recorded in the lock and
/// stay; the one that was running wrote only into .pipeline/tmp, which the next run clears.
/// </summary>
internal static class Interruption
{
    private static readonly Lock Gate = new();
    private static readonly List<string> Finished = [];
    private static readonly List<string> Running = [];
    private static TextWriter? errors;
    private static PosixSignalRegistration? interrupt;
    private static PosixSignalRegistration? terminate;

    /// <summary>Starts listening; the line goes to <paramref name="to"/>.</summary>
    public static void Watch(TextWriter to)
    {
        errors = to;
        interrupt ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        terminate ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public static void Started(string stage)
    {
        lock (Gate)
        {
            Running.Add(stage);
        }
    }

    public static void Done(string stage, bool kept)
    {
        lock (Gate)
        {
            Running.Remove(stage);
            if (kept)
            {
                Finished.Add(stage);
            }
        }
    }

    /// <summary>The line, e.g. "interrupted: kept Fetch, Features (recorded in the lock); Train was stopped and left nothing".</summary>
    public static string Describe()
    {
        lock (Gate)
        {
            var kept = Finished.Count == 0 ? "nothing new was kept; the outputs and pipeline.lock are as before the run"
                : $"kept {string.Join(", ", Finished)} (recorded in pipeline.lock)";
            var stopped = Running.Count switch
            {
                0 => "",
                1 => $"; {Running[0]} was stopped and left nothing behind",
                _ => $"; {string.Join(" and ", Running)} were stopped and left nothing behind",
            };
            return $"interrupted: {kept}{stopped}. Run the same command again to go on.";
        }
    }

    private static void Stop(PosixSignalContext context)
    {
        errors?.WriteLine();
        errors?.WriteLine(Describe());
        errors?.Flush();
        context.Cancel = true;
        Environment.Exit(128 + (context.Signal == PosixSignal.SIGTERM ? 15 : 2));
    }
}
