using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Benchmarks;

/// <summary>
/// Issue 24's targets: Compare of 2 sides on the demo (HEAD-like baseline against a --set run) under 2 s, whole
/// process; Compare of 8 sides at 40,000 songs each (the 8 points of a sweep, their data in the local run-cache)
/// under 10 s, with compare.html under 10 MB.
/// </summary>
internal static partial class CompareBenchmark
{
    private static readonly string[] Rates = ["0.01", "0.02", "0.03", "0.05", "0.07", "0.1", "0.15", "0.2"];

    public static void Run(string host, Action<string, string, string> print)
    {
        DemoWorkspace.With("bench-compare-demo", 1_000, workspace =>
        {
            Measure.Run(workspace, host);
            var baseline = Experiment(Measure.Run(workspace, host, "--target=Experiments").Output);
            Measure.Run(workspace, host, "--set", "train.mlp.learning_rate=0.1");
            var times = Enumerable.Range(0, 5).Select(_ => Measure.Run(workspace, host, "--target=Compare", "--exp=" + baseline)).ToList();
            print("Compare, 2 sides, demo (1,000 songs)", $"{Measure.Median(times.Select(t => t.Seconds)):0.00} s",
                $"whole process, median of 5; peak {times[0].PeakKb / 1024.0:0} MiB (target < 2 s)");
        });
        DemoWorkspace.With("bench-compare-40k", 40_000, workspace =>
        {
            File.AppendAllText(Path.Combine(workspace, "params.yaml"), "embed:\n  method: pca\ntrain:\n  cv_folds: 0\n");
            var sweep = Measure.Run(workspace, host, "--target=Sweep", "--set", $"train.mlp.learning_rate={string.Join(',', Rates)}", "--jobs=2");
            var id = SweepId().Match(sweep.Output).Groups[1].Value;
            var compare = Measure.Run(workspace, host, "--target=Compare", "--sweep=" + id);
            var again = Measure.Run(workspace, host, "--target=Compare", "--sweep=" + id);
            var html = new FileInfo(Path.Combine(workspace, "reports", "compare.html")).Length;
            print("Compare, 8 sides x 40,000 songs (a sweep's points)", string.Create(CultureInfo.InvariantCulture, $"{compare.Seconds:0.00} s / {again.Seconds:0.00} s"),
                $"whole process, twice; peak {compare.PeakKb / 1024.0:0} MiB; compare.html {html / 1e6:0.00} MB (targets < 10 s, < 10 MB)");
        });
    }

    private static string Experiment(string table) => ExperimentId().Match(table).Groups[1].Value;

    [GeneratedRegex(@"^Sweep ([0-9a-f]{8}):", RegexOptions.Multiline)]
    private static partial Regex SweepId();

    [GeneratedRegex(@"\| ([0-9a-f]{12}) \(workspace\)")]
    private static partial Regex ExperimentId();
}
