using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Stages.Embed;

namespace Pipeline.Benchmarks;

/// <summary>
/// Embed and Report at 1,000, 10,000 and 40,000 demo songs (time, peak memory, report.html size), and t-SNE on
/// the same activations side by side with scikit-learn's Barnes-Hut (Debian's python3-sklearn), time and KL.
/// </summary>
internal static class EmbedReportBenchmark
{
    private const string Python = "/usr/bin/python3";

    public static void Run(string host, IEnumerable<int> sizes, Action<string, string, string> print)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "tsne_sklearn.py");
        foreach (var songs in sizes)
        {
            DemoWorkspace.With("bench-embed-", songs, workspace =>
            {
                Measure.Run(workspace, host, "--target=Evaluate");
                var embed = Measure.Run(workspace, host, "--target=Embed", "--force");
                var report = Measure.Run(workspace, host, "--target=Report", "--force");
                var label = $"{songs:N0} demo songs";
                var html = new FileInfo(Path.Combine(workspace, "reports", "report.html")).Length;
                print($"Embed, {label}", $"{Measure.StageSeconds(embed.Output, "Embed"):0.00} s", $"peak {embed.PeakKb / 1024.0:0} MiB (whole process)");
                print($"Report, {label}", $"{Measure.StageSeconds(report.Output, "Report"):0.00} s",
                    $"peak {report.PeakKb / 1024.0:0} MiB; report.html {html / 1e6:0.00} MB (target < 5 MB)");
                SideBySide(workspace, script, label, print);
            });
        }
    }

    /// <summary>This project's t-SNE and scikit-learn's on the activations Embed wrote (the v_* columns of the embedding Parquet).</summary>
    private static void SideBySide(string workspace, string script, string label, Action<string, string, string> print)
    {
        var embedding = EmbeddingTable.Read(Path.Combine(workspace, "data", "embedding", EmbeddingTable.FileName));
        var (n, d, x) = (embedding.Songs.Count, embedding.Width, embedding.Views);
        var clock = Stopwatch.StartNew();
        var ours = Tsne.Run(x, n, d, new TsneOptions(), new Progress<double>());
        clock.Stop();
        var csv = new StringBuilder("x,y,").AppendJoin(',', Enumerable.Range(0, d).Select(k => $"v_{k}")).Append('\n');
        for (var i = 0; i < n; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{ours.Layout[2 * i]:R},{ours.Layout[(2 * i) + 1]:R},")
                .AppendJoin(',', x.AsSpan(i * d, d).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }
        var time = $"{clock.Elapsed.TotalSeconds:0.00} s";
        if (!File.Exists(Python) || Measure.Run(workspace, Python, "-c", "import sklearn").Output.Contains("Error", StringComparison.Ordinal))
        {
            print($"  t-SNE (this project), {label}, {d} activations", time, $"KL {ours.KlDivergence:0.000} (Barnes-Hut estimate)");
            print($"  t-SNE (scikit-learn), {label}", "n/a", "apt-get install python3-sklearn to compare");
            return;
        }
        var activations = Path.Combine(workspace, "activations.csv");
        File.WriteAllText(activations, csv.ToString());
        // The script prints "seconds reported exact ours-exact"; the output also holds GNU time's peak-kb line.
        var figures = Measure.Run(workspace, Python, script, activations).Output.Split('\n')
            .Select(l => l.Trim().Split(' ')).Last(p => p.Length == 4 && double.TryParse(p[0], CultureInfo.InvariantCulture, out _))
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        print($"  t-SNE (this project), {label}, {d} activations", time, $"KL {figures[3]:0.000} exact ({ours.KlDivergence:0.000} its Barnes-Hut estimate)");
        print($"  t-SNE (scikit-learn {SklearnVersion(workspace)}), {label}", $"{figures[0]:0.00} s",
            $"KL {figures[2]:0.000} exact ({figures[1]:0.000} its Barnes-Hut estimate)");
    }

    private static string SklearnVersion(string workspace) =>
        Measure.Run(workspace, Python, "-c", "import sklearn; print(sklearn.__version__)").Output.Trim().Split('\n')[0];
}
