using System.Globalization;
using System.Text.Json;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The host as a sweep's worker (PIPELINE_SWEEP_WORKER=1): it reads one point job a line on standard input, runs the
/// pipeline in that point's workspace in this process, its whole output into the point's log, and answers one line,
/// <c>sweep-worker: exit N</c>. One worker runs point after point, so the runtime starts and the code warms up once,
/// not once a point; a point killed is its worker killed, and the sweep starts another for the points left. Standard
/// input closed (the sweep gone): it ends after the point it is running.
/// </summary>
internal static class SweepWorker
{
    public const string Variable = "PIPELINE_SWEEP_WORKER";
    public const string Answer = "sweep-worker: exit ";

    public sealed record Job(string Folder, string Log, string[] Arguments, string[] Then);

    public static int Serve(TextReader input, TextWriter output, Func<string[], string, TextWriter, int> run)
    {
        while (input.ReadLine() is { } line)
        {
            var job = JsonSerializer.Deserialize<Job>(line) ?? throw new InvalidOperationException("an empty job line");
            int code;
            using (var log = new StreamWriter(job.Log, append: false) { AutoFlush = true })
            {
                log.WriteLine($"$ pipeline {string.Join(' ', job.Arguments.Select(HostCommand.Quote))}   (in {job.Folder}, sweep worker PID {Environment.ProcessId})");
                var synchronized = TextWriter.Synchronized(log);
                try
                {
                    code = run(job.Arguments, job.Folder, synchronized);
                    if (code == 0 && job.Then.Length > 0)
                    {
                        synchronized.WriteLine($"$ pipeline {string.Join(' ', job.Then.Select(HostCommand.Quote))}");
                        code = run(job.Then, job.Folder, synchronized);
                    }
                }
                catch (Exception e)
                {
                    synchronized.WriteLine($"error: the point's run failed: {e.GetType().Name}: {e.Message}");
                    code = Errors.ExitCodes.Failed;
                }
            }
            output.WriteLine(Answer + code.ToString(CultureInfo.InvariantCulture));
            output.Flush();
        }
        return 0;
    }
}
