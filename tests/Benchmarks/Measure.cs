using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Benchmarks;

/// <summary>Runs a command and reads its wall time and peak memory (GNU time's %M).</summary>
internal static partial class Measure
{
    public static (double Seconds, long PeakKb, string Output) Run(string directory, string command, params string[] args) =>
        Run(directory, command, args, []);

    public static (double Seconds, long PeakKb, string Output) Run(string directory, string command, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var arg in new[] { "-f", "peak-kb=%M", command }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = PeakPattern().Match(error) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error}");
        }
        return (seconds, peak, output.Result + error);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The duration a stage reports in the summary table.</summary>
    public static double StageSeconds(string output, string stage)
    {
        var match = Regex.Match(output, $@"│ {stage}\s+│ \w+\s+│\s+([0-9.]+) s │");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    [GeneratedRegex(@"peak-kb=(\d+)")]
    private static partial Regex PeakPattern();
}
