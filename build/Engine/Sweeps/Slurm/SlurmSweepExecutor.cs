using System.Globalization;
using System.Text;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;

namespace Pipeline.Engine.Sweeps.Slurm;

/// <summary>
/// Runs the points as one Slurm job array (<c>sbatch --array=0-K[%M]</c>): each array task runs one point's host in its
/// own workspace under the sweep's folder (on the shared file system) and writes its exit code beside its log; this
/// side follows the array with <c>scontrol show job</c> until every task ended. With <see cref="Detach"/> it only
/// submits; <see cref="FollowJob"/> follows an array submitted earlier (--collect).
/// </summary>
internal sealed class SlurmSweepExecutor(SlurmSettings slurm, HostCommand host, SweepFolder folder, int? throttle, Action<string> say) : ISweepExecutor
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public bool Detach { get; init; }

    public string? FollowJob { get; init; }

    public string Describe => throttle is { } m ? $"as a Slurm job array, {m} at once" : "as a Slurm job array";

    private string SlurmDir => Path.Combine(folder.Root, "slurm");

    public string? SubmittedJob => File.Exists(JobFile) ? File.ReadAllText(JobFile).Trim() : null;

    private string JobFile => Path.Combine(SlurmDir, "job");

    public void Run(IReadOnlyList<PointJob> jobs, PointEvents events)
    {
        if (jobs.Count == 0)
        {
            return;
        }
        var job = FollowJob ?? Submit(jobs, events);
        if (!Detach)
        {
            Follow(job, Tasks(jobs), events);
        }
    }

    public string Stop() => $"Slurm job {SubmittedJob} goes on without this command following it: --target=Sweep --collect={folder.Id} gathers its points";

    private string Submit(IReadOnlyList<PointJob> jobs, PointEvents events)
    {
        Directory.CreateDirectory(Path.Combine(SlurmDir, "args"));
        var status = Path.Combine(SlurmDir, "status");
        if (Directory.Exists(status))
        {
            Directory.Delete(status, recursive: true); // a rerun's tasks report afresh
        }
        Directory.CreateDirectory(status);
        Directory.CreateDirectory(Path.Combine(folder.Root, "logs"));
        foreach (var job in jobs)
        {
            events.Prepare(job);
            if (job.Arguments.Any(a => a.Contains('\n', StringComparison.Ordinal)))
            {
                throw new PipelineException($"point {job.Point.Index}: a value with a line break cannot go through Slurm", ExitCodes.BadUsage);
            }
            File.WriteAllText(Path.Combine(SlurmDir, "args", Name(job)), string.Join('\n', job.Arguments) + "\n");
            File.WriteAllText(Path.Combine(SlurmDir, "args", Name(job) + ".then"), string.Concat(job.Then.Select(a => a + "\n")));
        }
        File.WriteAllText(Path.Combine(SlurmDir, "tasks"), string.Concat(jobs.Select(j => Name(j) + "\n")));
        var script = Path.Combine(SlurmDir, "task.sh");
        File.WriteAllText(script, Script());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var array = $"0-{jobs.Count - 1}" + (throttle is { } m ? $"%{m}" : "");
        string[] arguments = ["--parsable", $"--array={array}", $"--job-name=sweep-{folder.Id}", $"--output={Path.Combine(SlurmDir, "task-%a.out")}", .. slurm.Arguments, script];
        // The environment (the shared run-cache, the variables the stages read) goes to the tasks through sbatch's own
        // (--export=ALL), never into the script on disk.
        var (code, output, error) = SlurmTool.Run(slurm.Sbatch, arguments, host.Environment);
        if (code != 0)
        {
            throw new PipelineException($"--on=slurm: sbatch refused the sweep: {error.Trim()}", ExitCodes.BadUsage);
        }
        var id = output.Trim().Split(';')[0];
        AtomicFile.WriteAllText(JobFile, id + "\n");
        say(string.Create(CultureInfo.InvariantCulture, $"Submitted Slurm job {id}: {jobs.Count} point(s) as array tasks {array}"));
        return id;
    }

    /// <summary>
    /// The array's task numbers for these jobs, from the task list the submission wrote (task i ran the point on its
    /// line i): a collect that finds some points gathered already follows only the others, by their own task numbers.
    /// </summary>
    private Dictionary<int, PointJob> Tasks(IReadOnlyList<PointJob> jobs)
    {
        var byPoint = jobs.ToDictionary(j => Name(j), StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(SlurmDir, "tasks"));
        return lines.Select((point, task) => (point, task)).Where(t => byPoint.ContainsKey(t.point)).ToDictionary(t => t.task, t => byPoint[t.point]);
    }

    private void Follow(string id, Dictionary<int, PointJob> jobs, PointEvents events)
    {
        var started = new Dictionary<int, System.Diagnostics.Stopwatch>();
        var ended = new HashSet<int>();
        while (ended.Count < jobs.Count)
        {
            var (code, output, error) = SlurmTool.Run(slurm.Scontrol, ["show", "job", "-o", id]);
            var known = code == 0;
            if (!known && !error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                throw new PipelineException($"scontrol show job {id}: {error.Trim()}", ExitCodes.Failed);
            }
            var tasks = known ? ArrayTasks.Parse(output) : Accounting(id);
            known = known || tasks.Count > 0;
            foreach (var (i, job) in jobs.Where(j => !ended.Contains(j.Key)))
            {
                var written = ExitWritten(job);
                var state = tasks.TryGetValue(i, out var t) ? t.State : known ? "PENDING" : null;
                if ((state == "RUNNING" || state is null || ArrayTasks.Ended.Contains(state)) && started.TryAdd(i, System.Diagnostics.Stopwatch.StartNew()))
                {
                    events.Started(job);
                }
                if (state is null || ArrayTasks.Ended.Contains(state))
                {
                    ended.Add(i);
                    // The task's own exit code where it wrote one; else Slurm's (a task that never wrote one did not finish).
                    var exit = written ?? (state == "COMPLETED" ? t.ExitCode : Math.Max(t.ExitCode, 1));
                    var where = state is null ? $"Slurm job {id}_{i}, no longer known to Slurm" : $"Slurm job {id}_{i}, state {state}";
                    var succeeded = state is null or "COMPLETED" && exit == 0;
                    events.Finished(new PointRun(job, succeeded ? 0 : Math.Max(exit, 1), started[i].Elapsed) { Where = succeeded ? null : where });
                }
            }
            if (ended.Count < jobs.Count)
            {
                Thread.Sleep(Poll); // Slurm says nothing when a task ends: it is asked again
            }
        }
    }

    /// <summary>
    /// A job scontrol no longer knows (its record expired: MinJobAge) from Slurm's accounting, where the cluster keeps it
    /// (sacct); none when accounting is off.
    /// </summary>
    private Dictionary<int, (string State, int ExitCode)> Accounting(string id)
    {
        if (slurm.Sacct is null)
        {
            return [];
        }
        var (code, output, _) = SlurmTool.Run(slurm.Sacct, ["-n", "-P", "-X", "-j", id, "-o", "JobID,State,ExitCode"]);
        return code != 0 ? [] : ArrayTasks.ParseAccounting(output);
    }

    private int? ExitWritten(PointJob job) =>
        File.Exists(Path.Combine(SlurmDir, "status", Name(job))) && int.TryParse(File.ReadAllText(Path.Combine(SlurmDir, "status", Name(job))).Trim(),
            CultureInfo.InvariantCulture, out var code) ? code : null;

    private static string Name(PointJob job) => job.Point.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The array task: the point its SLURM_ARRAY_TASK_ID names, run in its workspace, its output its log, its exit code kept.</summary>
    private string Script()
    {
        var sweep = HostCommand.Quote(folder.Root);
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append("# A sweep's Slurm array task, written by --target=Sweep --on=slurm: it runs one point in its own workspace.\n");
        text.Append("set -u\n");
        text.Append(CultureInfo.InvariantCulture, $"sweep={sweep}\n");
        text.Append("point=\"$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \"$sweep/slurm/tasks\")\"\n");
        text.Append("mapfile -t args < \"$sweep/slurm/args/$point\"\n");
        text.Append("log=\"$sweep/logs/$point.log\"\n");
        text.Append("echo \"Slurm job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} (job ${SLURM_JOB_ID}) on $(hostname)\" > \"$log\"\n");
        text.Append("cd \"$sweep/points/$point\" || exit 1\n");
        text.Append("# The point's stages size their thread pools to the CPUs Slurm gave the task, not to the whole node.\n");
        text.Append("export DOTNET_PROCESSOR_COUNT=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"{host.ShellWords} \"${{args[@]}}\" >> \"$log\" 2>&1\n");
        text.Append("code=$?\n");
        text.Append("# After a run that succeeded: what follows it (the push to a shared remote), when there is something.\n");
        text.Append("if [[ $code -eq 0 && -s \"$sweep/slurm/args/$point.then\" ]]; then\n");
        text.Append("  mapfile -t then < \"$sweep/slurm/args/$point.then\"\n");
        text.Append(CultureInfo.InvariantCulture, $"  {host.ShellWords} \"${{then[@]}}\" >> \"$log\" 2>&1\n");
        text.Append("  code=$?\n");
        text.Append("fi\n");
        text.Append("echo \"$code\" > \"$sweep/slurm/status/$point.tmp\" && mv \"$sweep/slurm/status/$point.tmp\" \"$sweep/slurm/status/$point\"\n");
        text.Append("exit \"$code\"\n");
        return text.ToString();
    }
}
