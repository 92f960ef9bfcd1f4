using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Sweeps.Slurm;

namespace Pipeline.Engine.Sweeps;

/// <summary>The executors --on names: here (this machine) and slurm (a job array). One more is one more entry here.</summary>
internal static class SweepExecutors
{
    public static ISweepExecutor Create(string on, SweepFolder folder, HostCommand host, HostEnvironment environment, int jobs, bool jobsGiven,
        bool detach, bool collect, Action<string> say)
    {
        if (on != "slurm" && !collect)
        {
            return detach ? throw new PipelineException("--detach goes with --on=slurm (a sweep here is followed to its end)", ExitCodes.BadUsage)
                : new LocalSweepExecutor(jobs, host, folder.Root);
        }
        var slurm = SlurmSettings.From(environment);
        var executor = new SlurmSweepExecutor(slurm, host, folder, jobsGiven ? jobs : null, say) { Detach = detach };
        if (!collect)
        {
            return executor;
        }
        var job = executor.SubmittedJob
            ?? throw new PipelineException($"--collect {folder.Id}: that sweep was not submitted to Slurm (run it with --on=slurm)", ExitCodes.BadUsage);
        return new SlurmSweepExecutor(slurm, host, folder, null, say) { FollowJob = job };
    }
}
