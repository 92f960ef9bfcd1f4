using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Engine.Sweeps;

/// <summary>One worker host of the local executor (see <see cref="SweepWorker"/>): sends it a point, reads its answer.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> errors = [];

    public WorkerProcess(HostCommand host, string folder, int processors)
    {
        var start = host.Start(folder);
        start.RedirectStandardInput = true;
        start.Environment[SweepWorker.Variable] = "1";
        // N workers side by side share the cores: each sizes its thread pools to its share, not to the whole machine.
        start.Environment["DOTNET_PROCESSOR_COUNT"] = processors.ToString(CultureInfo.InvariantCulture);
        process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
    }

    /// <summary>Runs the point; its exit code, or the worker's when the worker died meanwhile (137 for a kill -9).</summary>
    public (int ExitCode, bool WorkerDied) Run(PointJob job)
    {
        try
        {
            process.StandardInput.WriteLine(JsonSerializer.Serialize(new SweepWorker.Job(job.Folder, job.Log, [.. job.Arguments], [.. job.Then])));
            process.StandardInput.Flush();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith(SweepWorker.Answer, StringComparison.Ordinal))
                {
                    return (int.Parse(line[SweepWorker.Answer.Length..], CultureInfo.InvariantCulture), false);
                }
            }
        }
        catch (IOException)
        {
            // the worker's pipe broke: it died
        }
        process.WaitForExit();
        var code = process.ExitCode;
        AppendErrors(job.Log);
        return (code == 0 ? 1 : code, true);
    }

    public void Kill()
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

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close(); // the worker ends after its point
        }
        catch (IOException)
        {
            // already gone
        }
        process.Dispose();
    }

    private void AppendErrors(string log)
    {
        lock (errors)
        {
            if (errors.Count > 0)
            {
                File.AppendAllLines(log, errors);
            }
        }
    }
}
