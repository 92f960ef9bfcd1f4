using System.Text.RegularExpressions;

namespace Pipeline.Benchmarks;

/// <summary>
/// Issue 23's targets: 16 points (4 learning rates x 4 layer sizes) on the demo as one Sweep --jobs=2 beside the 16
/// sequential runs it replaces, each from an empty workspace; Fetch and Features should run once; and the same sweep
/// through Slurm (when SLURM_CONF names a cluster), its overhead per point over the local executor.
/// </summary>
internal static class SweepBenchmark
{
    private static readonly string[] Rates = ["0.05", "0.02", "0.01", "0.005"];
    private static readonly string[] Layers = ["[{units: 5}]", "[{units: 8}]", "[{units: 16}]", "[{units: 32}]"];

    public static void Run(string host, Action<string, string, string> print)
    {
        var sequential = 0.0;
        DemoWorkspace.With("bench-sweep-seq", 1_000, workspace =>
        {
            foreach (var rate in Rates)
            {
                foreach (var layers in Layers)
                {
                    sequential += Measure.Run(workspace, host, "--set", $"train.mlp.learning_rate={rate}", "--set", $"train.mlp.layers={layers}").Seconds;
                }
            }
        });
        print("16 demo points, 16 sequential runs (the baseline)", $"{sequential:0.0} s", "each run: --set learning_rate --set layers, one after another");
        string[] sweep = ["--target=Sweep", "--set", $"train.mlp.learning_rate={string.Join(',', Rates)}", "--set", $"train.mlp.layers={string.Join(',', Layers)}"];
        var local = Sweep("bench-sweep-local", host, [.. sweep, "--jobs=2"], "here, --jobs=2", sequential, print, " (target at most 0.6 x)");
        if (Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 })
        {
            var slurm = Sweep("bench-sweep-slurm", host, [.. sweep, "--on=slurm"], "through Slurm (one node, 2 CPUs)", sequential, print, "");
            print("Slurm's overhead per point over the local executor", $"{(slurm - local) / 16:0.00} s", "(Slurm wall - local wall) / 16");
        }
        else
        {
            print("16 demo points through Slurm", "not run", "SLURM_CONF is not set (eval \"$(tools/slurm/start.sh)\")");
        }
    }

    private static double Sweep(string prefix, string host, string[] args, string where, double sequential, Action<string, string, string> print, string target)
    {
        var seconds = 0.0;
        DemoWorkspace.With(prefix, 1_000, workspace =>
        {
            var run = Measure.Run(workspace, host, args);
            seconds = run.Seconds;
            var logs = Directory.GetFiles(Path.Combine(workspace, ".pipeline", "sweeps"), "*.log", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
            int Ran(string stage) => logs.Count(l => Regex.IsMatch(l, $@"│ {stage} +│ Ran "));
            print($"16 demo points as one Sweep, {where}", $"{seconds:0.0} s",
                $"{seconds / sequential:0.00} x the sequential runs{target}; Fetch ran {Ran("Fetch")}x, Features {Ran("Features")}x, Train {Ran("Train")}x; " +
                $"{Regex.Count(run.Output, "done in")} points done, {Regex.Count(run.Output, "FAILED")} failed");
        });
        return seconds;
    }
}
