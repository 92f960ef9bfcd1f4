using System.Diagnostics;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// Runs the points on this machine, up to <paramref name="jobs"/> at once, each as its own host process (so a point can
/// be stopped alone, and its whole output is its log). <see cref="Stop"/> ends the ones running (a Ctrl-C of the sweep).
/// </summary>
internal sealed class LocalSweepExecutor(int jobs, HostCommand host) : ISweepExecutor
{
    private readonly Lock gate = new();
    private readonly HashSet<Process> running = [];
    private bool stopped;

    public string Describe => jobs == 1 ? "here, one at a time" : $"here, {jobs} at once";

    public void Run(IReadOnlyList<PointJob> points, PointEvents events)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        Parallel.ForEach(points, options, job =>
        {
            try
            {
                events.Prepare(job);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                events.Started(job);
                events.Finished(new PointRun(job, 1, TimeSpan.Zero) { Where = $"its workspace could not be made ({e.Message})" });
                return;
            }
            events.Started(job);
            events.Finished(RunOne(job));
        });
    }

    public string Stop()
    {
        lock (gate)
        {
            stopped = true;
            foreach (var process in running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // it ended meanwhile
                }
            }
        }
        return "the points running were stopped and left nothing behind";
    }

    private PointRun RunOne(PointJob job)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(job.Log)!);
        using var log = new StreamWriter(job.Log, append: false) { AutoFlush = true };
        log.WriteLine($"$ {host.ShellWords} {string.Join(' ', job.Arguments.Select(HostCommand.Quote))}   (in {job.Folder})");
        using var process = new Process { StartInfo = host.Start(job.Folder, job.Arguments) };
        // N points side by side share the cores: each point's stages size their thread pools to its share, not to the
        // whole machine (threads of N points fighting over the same cores cost more than they give).
        process.StartInfo.Environment["DOTNET_PROCESSOR_COUNT"] = Math.Max(1, Environment.ProcessorCount / Math.Max(1, jobs)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var writing = new Lock();
        void Line(string? line)
        {
            if (line is not null)
            {
                lock (writing)
                {
                    log.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        lock (gate)
        {
            if (stopped)
            {
                log.WriteLine("not started: the sweep was stopped");
                return new PointRun(job, 130, clock.Elapsed);
            }
            process.Start();
            running.Add(process);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (gate)
        {
            running.Remove(process);
        }
        return new PointRun(job, process.ExitCode, clock.Elapsed);
    }
}
