using System.Diagnostics;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// Runs the points on this machine, up to <paramref name="jobs"/> at once, on as many worker hosts (<see cref="SweepWorker"/>):
/// each point's whole output is its log, and a point stopped (its worker killed) fails alone while a new worker takes
/// the points left. <see cref="Stop"/> ends the workers (a Ctrl-C of the sweep).
/// </summary>
internal sealed class LocalSweepExecutor(int jobs, HostCommand host, string folder) : ISweepExecutor
{
    private readonly Lock gate = new();
    private readonly HashSet<WorkerProcess> running = [];
    private readonly Stack<WorkerProcess> idle = new();
    private bool stopped;

    public string Describe => jobs == 1 ? "here, one at a time" : $"here, {jobs} at once";

    public void Run(IReadOnlyList<PointJob> points, PointEvents events)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        try
        {
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
        finally
        {
            lock (gate)
            {
                while (idle.TryPop(out var worker))
                {
                    worker.Dispose();
                }
            }
        }
    }

    public string Stop()
    {
        lock (gate)
        {
            stopped = true;
            foreach (var worker in running.Concat(idle))
            {
                worker.Kill();
            }
        }
        return "the points running were stopped and left nothing behind";
    }

    private PointRun RunOne(PointJob job)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(job.Log)!);
        WorkerProcess worker;
        lock (gate)
        {
            if (stopped)
            {
                File.WriteAllText(job.Log, "not started: the sweep was stopped\n");
                return new PointRun(job, 130, clock.Elapsed);
            }
            worker = idle.TryPop(out var free) ? free : new WorkerProcess(host, folder, Math.Max(1, Environment.ProcessorCount / Math.Max(1, jobs)));
            running.Add(worker);
        }
        var (code, died) = worker.Run(job);
        lock (gate)
        {
            running.Remove(worker);
            if (died || stopped)
            {
                worker.Dispose();
            }
            else
            {
                idle.Push(worker);
            }
        }
        return new PointRun(job, code, clock.Elapsed);
    }
}
