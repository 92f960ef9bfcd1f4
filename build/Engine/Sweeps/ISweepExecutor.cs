namespace Pipeline.Engine.Sweeps;

/// <summary>
/// Where a sweep's points run: here N at once (<see cref="LocalSweepExecutor"/>), or on a cluster (Slurm's job arrays;
/// a Kubernetes or CI matrix executor would be one more implementation). Each point runs the pipeline host in its own
/// workspace with its arguments, the whole output in its log; the sweep hears when each starts and ends.
/// </summary>
internal interface ISweepExecutor
{
    /// <summary>"here, 2 at once", for the first line.</summary>
    string Describe { get; }

    /// <summary>Runs every job, telling <paramref name="events"/> (from any thread) as each is prepared, starts and ends.</summary>
    void Run(IReadOnlyList<PointJob> jobs, PointEvents events);

    /// <summary>Ctrl-C of the sweep: what becomes of the points running, said in the line the sweep ends with.</summary>
    string Stop();
}

/// <summary>
/// What the sweep hears from its executor: Prepare (make the point's workspace) before a job can start, Started when it
/// runs, Finished when its process ended.
/// </summary>
internal sealed record PointEvents(Action<PointJob> Prepare, Action<PointJob> Started, Action<PointRun> Finished);
