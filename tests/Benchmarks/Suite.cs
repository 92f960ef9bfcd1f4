using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Hashing;

namespace Pipeline.Benchmarks;

/// <summary>Every figure the issues ask for, printed as a table. Durations go here, never into pipeline outputs.</summary>
internal static class Suite
{
    private static readonly string Repo = FindRepo();
    private static readonly string Host = Path.Combine(Repo, ".pipeline", "host", "pipeline");

    public static int Run(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var only = args.Length > 0 ? args[0] : "all";
        Console.WriteLine($"Benchmarks on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; each figure is a median where repeated.");
        if (only != "tsne")
        {
            Measure.Run(Repo, Path.Combine(Repo, "build.sh"), "--target=Status");
        }
        if (only is "all" or "engine")
        {
            NoOpStartup();
            HashingAndStatus();
        }
        if (only is "all" or "stages")
        {
            Stages();
        }
        if (only is "all" or "csv")
        {
            LargeCsv.Run(args.Length > 1 ? args[1] : Host, Print);
        }
        if (only is "all" or "spotify")
        {
            SpotifyBenchmark.Run(Host, sequentialToo: args.Contains("--sequential"), Print);
        }
        if (only is "all" or "embed")
        {
            EmbedReportBenchmark.Run(Host, args.Length > 1 ? args.Skip(1).Select(int.Parse) : [1_000, 10_000, 40_000], Print);
        }
        if (only is "all" or "honest")
        {
            HonestNumbersBenchmark.Run(Host, args.Length > 1 ? args.Skip(1).Select(int.Parse) : [1_000, 40_000], Print);
        }
        if (only is "all" or "remote")
        {
            RemoteBenchmark.Run(Repo, Host, Print);
        }
        if (only is "all" or "sweep")
        {
            SweepBenchmark.Run(Host, Print);
        }
        if (only is "all" or "compare")
        {
            CompareBenchmark.Run(Host, Print);
        }
        if (only is "all" or "edit")
        {
            EditLoopBenchmark.Run(Repo, Print);
        }
        if (only is "all" or "tsne")
        {
            TsneBenchmark.Run(args.Length > 1 ? args.Skip(1).Select(int.Parse) : [1_000, 5_000, 20_000], Print);
        }
        return 0;
    }

    private static void NoOpStartup()
    {
        var build = Path.Combine(Repo, "build.sh");
        var stamp = Path.Combine(Repo, ".pipeline", "up-to-date.tsv");
        Measure.Run(Repo, build);
        var noop = Measure.Median(Enumerable.Range(0, 11).Select(_ => Measure.Run(Repo, build).Seconds));
        var hello = Measure.Median(Enumerable.Range(0, 11).Select(_ => Measure.Run(Repo, Environment.ProcessPath!, "hello").Seconds));
        var full = Measure.Median(Enumerable.Range(0, 11).Select(_ =>
        {
            File.Delete(stamp);
            return Measure.Run(Repo, build).Seconds;
        }));
        Print("bare built .NET hello-world start", $"{hello:0.000} s", "the baseline");
        Print("no-op ./build.sh (answered from the up-to-date stamp)", $"{noop:0.000} s", $"{noop / hello:0.0}x hello-world; target <= 2.5x");
        Print("no-op ./build.sh without the stamp (full up-to-date check)", $"{full:0.000} s", $"{full / hello:0.0}x hello-world");
        File.Delete(stamp);
        var trace = Measure.Run(Repo, Host, [], ("PIPELINE_TRACE_STARTUP", "1")).Output;
        var marks = trace.Split('\n').Where(l => l.StartsWith("startup\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        var previous = 0.0;
        foreach (var mark in marks)
        {
            var at = double.Parse(mark[1], CultureInfo.InvariantCulture);
            Print($"  full check, up to '{mark[2]}'", $"{at:0} ms", $"+{at - previous:0} ms");
            previous = at;
        }
    }

    private static void HashingAndStatus()
    {
        var workspace = Directory.CreateTempSubdirectory("bench-status-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(workspace, "imports"));
            var chunk = new byte[1 << 20];
            new Random(1).NextBytes(chunk);
            foreach (var name in new[] { "a", "b" })
            {
                using var file = File.Create(Path.Combine(workspace, "imports", $"{name}.csv"));
                for (var i = 0; i < 512; i++)
                {
                    file.Write(chunk);
                }
            }
            var big = Path.Combine(workspace, "imports", "a.csv");
            using (var warm = File.OpenRead(big))
            {
                ContentHasher.HashStream(warm);
            }
            var clock = Stopwatch.StartNew();
            using (var stream = File.OpenRead(big))
            {
                ContentHasher.HashStream(stream);
            }
            Print("XxHash128 throughput, 512 MiB file (page cache warm)", $"{0.5 / clock.Elapsed.TotalSeconds:0.0} GiB/s", "");
            File.WriteAllText(Path.Combine(workspace, "params.yaml"),
                "fetch:\n  source: csv\n  users:\n    a: { file: imports/a.csv }\n    b: { file: imports/b.csv }\n");
            var first = Measure.Run(workspace, Host, "--target=Status");
            var second = Measure.Median(Enumerable.Range(0, 5).Select(_ => Measure.Run(workspace, Host, "--target=Status").Seconds));
            Print("Status over 1 GiB of inputs, first run (hashes them)", $"{first.Seconds:0.000} s", "");
            Print("Status over 1 GiB of inputs, later runs (hash memo)", $"{second:0.000} s", "target < 0.5 s");
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static void Stages()
    {
        foreach (var perUser in new[] { 500, 50_000 })
        {
            var workspace = Directory.CreateTempSubdirectory("bench-stages-").FullName;
            try
            {
                File.WriteAllText(Path.Combine(workspace, "params.yaml"),
                    $"fetch:\n  users: {{ paulo: {{}}, amelia: {{}} }}\n  demo: {{ tracks_per_user: {perUser} }}\n");
                var run = Measure.Run(workspace, Host, "--target=Features");
                var label = $"{perUser * 2:N0} demo tracks";
                Print($"Fetch, {label}", $"{Measure.StageSeconds(run.Output, "Fetch"):0.000} s", "");
                Print($"Features, {label}", $"{Measure.StageSeconds(run.Output, "Features"):0.000} s", "");
                Print($"Fetch + Features peak memory, {label}", $"{run.PeakKb / 1024.0:0} MiB", $"whole process, {run.Seconds:0.0} s wall");
                string[][] models = perUser == 500
                    ? [["--set", "train.model=mlp"], ["--set", "train.model=lightgbm"]]
                    : [["--set", "train.model=mlp", "--set", "train.mlp.layers=[{units: 32}, {units: 32}]", "--set", "train.mlp.epochs=20", "--set", "train.mlp.patience=20"],
                       ["--set", "train.model=lightgbm"]];
                foreach (var model in models)
                {
                    var train = Measure.Run(workspace, Host, ["--target=Train", .. model]);
                    var name = string.Join(" ", model.Where((_, i) => i % 2 == 1)).Replace("train.", "", StringComparison.Ordinal);
                    Print($"Train ({name}), {label}", $"{Measure.StageSeconds(train.Output, "Train"):0.000} s", $"peak {train.PeakKb / 1024.0:0} MiB");
                }
            }
            finally
            {
                Directory.Delete(workspace, recursive: true);
            }
        }
    }

    public static void Print(string what, string figure, string note) => Console.WriteLine($"| {what,-58} | {figure,12} | {note}");

    private static string FindRepo()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "build.sh")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
