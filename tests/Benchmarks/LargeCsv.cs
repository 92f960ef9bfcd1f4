using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// A 200 MB labelled export (two people, about a million songs): Fetch and Features time and peak memory,
/// each stage its own process so each peak is its own. The host can be given, to measure an older build side by side.
/// </summary>
internal static class LargeCsv
{
    private const long TargetBytes = 200L * 1000 * 1000;

    public static void Run(string host, Action<string, string, string> print)
    {
        var workspace = Directory.CreateTempSubdirectory("bench-csv-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(workspace, "imports"));
            var csv = Path.Combine(workspace, "imports", "all.csv");
            var rows = Write(csv);
            File.WriteAllText(Path.Combine(workspace, "params.yaml"),
                "fetch:\n  source: csv\n  users: { paulo: {}, amelia: {} }\n  csv: { file: imports/all.csv, label_column: user }\nfeatures:\n  timbre: false\n");
            var size = new FileInfo(csv).Length / 1e6;
            var fetch = Measure.Run(workspace, host, "--target=Fetch");
            print($"Fetch, {size:0} MB csv ({rows:N0} songs)", $"{Measure.StageSeconds(fetch.Output, "Fetch"):0.0} s", $"peak {fetch.PeakKb / 1024.0:0} MiB ({host})");
            var features = Measure.Run(workspace, host, "--target=Features", "--exclusive");
            print($"Features, {size:0} MB csv ({rows:N0} songs)", $"{Measure.StageSeconds(features.Output, "Features"):0.0} s", $"peak {features.PeakKb / 1024.0:0} MiB");
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static int Write(string path)
    {
        var random = new Random(7);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("user,id,name,artists,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature\n");
        var rows = 0;
        while (writer.BaseStream.Length < TargetBytes)
        {
            var user = rows % 2 == 0 ? "paulo" : "amelia";
            var lean = rows % 2 == 0 ? 0.15 : -0.15;
            double U(double shift = 0) => Math.Clamp(random.NextDouble() * 0.7 + 0.15 + shift, 0, 1);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{user},B{rows:D21},Song number {rows} of the long export,Artist {rows % 5000},{U(lean):0.000},{U(-lean):0.000},{random.Next(12)},{-20 + (random.NextDouble() * 18):0.000},{random.Next(2)},{U() / 5:0.0000},{U(lean):0.0000},{U() / 10:0.00000},{U() / 3:0.000},{U(lean):0.000},{70 + (random.NextDouble() * 100):0.000},{150000 + random.Next(150000)},4\n"));
            rows++;
        }
        return rows;
    }
}
