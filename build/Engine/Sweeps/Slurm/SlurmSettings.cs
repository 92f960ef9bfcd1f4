using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Sweeps.Slurm;

/// <summary>
/// What a sweep's job array asks Slurm for, from the environment: PIPELINE_SLURM_PARTITION, PIPELINE_SLURM_TIME (as
/// sbatch's --time), PIPELINE_SLURM_CPUS_PER_TASK and PIPELINE_SLURM_ARGS (more sbatch arguments, split at spaces);
/// the Slurm tools are found on PATH.
/// </summary>
internal sealed record SlurmSettings(string Sbatch, string Scontrol, string? Sacct, IReadOnlyList<string> Arguments)
{
    public static SlurmSettings From(HostEnvironment environment)
    {
        var path = environment.Variable("PATH") ?? "";
        string? Look(string tool) => path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        string Find(string tool) => Look(tool) ?? throw new PipelineException($"--on=slurm: {tool} is not on PATH (run where Slurm's client commands are, e.g. a login node, or install slurm-client)", ExitCodes.BadUsage);
        var arguments = new List<string>();
        void Add(string variable, string flag)
        {
            if (environment.Variable(variable) is { Length: > 0 } value)
            {
                arguments.Add($"{flag}={value}");
            }
        }
        Add("PIPELINE_SLURM_PARTITION", "--partition");
        Add("PIPELINE_SLURM_TIME", "--time");
        Add("PIPELINE_SLURM_CPUS_PER_TASK", "--cpus-per-task");
        arguments.AddRange((environment.Variable("PIPELINE_SLURM_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new SlurmSettings(Find("sbatch"), Find("scontrol"), Look("sacct"), arguments);
    }
}
