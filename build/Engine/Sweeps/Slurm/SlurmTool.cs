using System.Diagnostics;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Sweeps.Slurm;

/// <summary>One call of a Slurm command: its exit code and output; a hung one is stopped after two minutes, naming it.</summary>
internal static class SlurmTool
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static (int Code, string Out, string Err) Run(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new PipelineException($"{tool} did not start", ExitCodes.Failed);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new PipelineException($"{Path.GetFileName(tool)} did not answer within {HangGuard.TotalMinutes:0} minutes (is slurmctld up? SLURM_CONF?)", ExitCodes.Failed);
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
