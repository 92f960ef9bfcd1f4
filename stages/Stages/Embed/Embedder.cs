using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Stages.Data;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Embed;

/// <summary>
/// The Embed stage: every song's view from inside the model (the MLP's last hidden layer; the standardized
/// features for other models) laid out in 2-D with t-SNE or PCA, with the model's guess for each song.
/// </summary>
public static class Embedder
{
    public const string EmbeddingFile = "embedding.parquet";

    public static TsneResult Embed(int seed, EmbedParams parameters, EmbedRun run)
    {
        var (features, model) = FeatureSet.LoadWithModel(run.Features, run.ModelFolder, seed);
        var (train, test) = (features.Train, features.Test);
        var (progress, log, phases, embeddingDir, summaryPath) = (run.Progress, run.Log, run.Phases, run.EmbeddingFolder, run.SummaryFile);
        var all = train with
        {
            Values = [.. train.Values, .. test.Values],
            Labels = [.. train.Labels, .. test.Labels],
            Tracks = [.. train.Tracks, .. test.Tracks],
        };
        var vectors = model.Hidden(all, out var width) ?? all.Values;
        width = width > 0 ? width : all.Columns;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Methods.EmbedMethods.Find(parameters.Method).Layout(vectors, all.Rows, width, parameters, seed, progress, phases);
        clock.Stop();
        var probabilities = model.Probabilities(all);
        Directory.CreateDirectory(embeddingDir);
        Write(Path.Combine(embeddingDir, EmbeddingFile), all, train.Rows, vectors, width, result.Layout, probabilities);
        File.WriteAllText(summaryPath, Summary(parameters.Method, all.Rows, result));
        log($"{parameters.Method} of {all.Rows} songs from {(model.Kind == Train.Models.MlpModel.KindName ? $"the MLP's last hidden layer ({width} units)" : $"{width} standardized features")}"
            + (double.IsNaN(result.KlDivergence) ? "" : $", KL divergence {result.KlDivergence:0.0000}")
            + $", laid out in {clock.Elapsed.TotalSeconds:0.00} s");
        return result;
    }

    private static void Write(string path, FeatureMatrix all, int trainRows, double[] vectors, int width, double[] layout, double[] probabilities)
    {
        var classes = all.Classes.Length;
        var predicted = Enumerable.Range(0, all.Rows).Select(r => Enumerable.Range(0, classes).MaxBy(c => probabilities[(r * classes) + c])).ToArray();
        var columns = new List<(string, Array)>
        {
            ("user", all.Tracks.Select(t => t.User).ToArray()),
            ("track_id", all.Tracks.Select(t => t.TrackId).ToArray()),
            ("name", all.Tracks.Select(t => t.Name).ToArray()),
            ("artists", all.Tracks.Select(t => t.Artists).ToArray()),
            ("split", Enumerable.Range(0, all.Rows).Select(r => r < trainRows ? "train" : "test").ToArray()),
            ("predicted_user", predicted.Select(p => all.Classes[p]).ToArray()),
            ("probability", predicted.Select((p, r) => probabilities[(r * classes) + p]).ToArray()),
            ("x", Enumerable.Range(0, all.Rows).Select(r => layout[2 * r]).ToArray()),
            ("y", Enumerable.Range(0, all.Rows).Select(r => layout[(2 * r) + 1]).ToArray()),
        };
        for (var k = 0; k < width; k++)
        {
            columns.Add(($"v_{k}", Enumerable.Range(0, all.Rows).Select(r => vectors[(r * width) + k]).ToArray()));
        }
        ParquetTable.Write(path, columns);
    }

    /// <summary>reports/embedding.json: no durations (they would break byte-stability); the time goes to the log and the benchmark.</summary>
    private static string Summary(string method, int n, TsneResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("method", method);
            json.WriteNumber("n", n);
            json.WriteNumber("iterations", result.Iterations);
            if (double.IsNaN(result.KlDivergence))
            {
                json.WriteNull("kl_divergence");
            }
            else
            {
                json.WriteNumber("kl_divergence", Math.Round(result.KlDivergence, 4));
            }
            json.WriteBoolean("exact_gradient", result.Exact);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>What Embed reads and writes, and how it reports: the stage's inputs and outputs as one record.</summary>
public sealed record EmbedRun(FeatureSet.Paths Features, string ModelFolder, string EmbeddingFolder, string SummaryFile)
{
    public IProgress<double> Progress { get; init; } = new Progress<double>();

    public Action<string> Log { get; init; } = _ => { };

    public IProgress<(string Phase, long Done, long Total)>? Phases { get; init; }
}
