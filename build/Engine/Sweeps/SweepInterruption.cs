using System.Runtime.InteropServices;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// Ctrl-C or SIGTERM of a sweep: the points running are stopped (each is kill-safe: it leaves nothing half-written in the
/// run-cache or its workspace), the finished ones stay in results/, and the same command goes on from there.
/// </summary>
internal static class SweepInterruption
{
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Watch(TextWriter errors, ISweepExecutor executor, SweepFolder folder)
    {
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            var running = executor.Stop();
            errors.WriteLine();
            errors.WriteLine($"interrupted: the points that finished are kept in {folder.Root}/results; {running}. Run the same command again to go on.");
            errors.Flush();
            Environment.Exit(128 + (context.Signal == PosixSignal.SIGTERM ? 15 : 2));
        }
        lock (Registrations)
        {
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop));
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop));
        }
    }
}
