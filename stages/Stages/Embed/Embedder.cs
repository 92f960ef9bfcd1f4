using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Embed;

/// <summary>
/// The Embed stage: every song's view from inside the model (the MLP's last hidden layer; the standardized
/// features for other models) laid out in 2-D with t-SNE or PCA, with the model's guess for each song.
/// </summary>
public static class Embedder
{
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
        EmbeddingTable.Write(Path.Combine(embeddingDir, EmbeddingTable.FileName), all, train.Rows, vectors, width, result.Layout, probabilities);
        EmbeddingSummary.From(parameters.Method, all.Rows, result).Write(summaryPath);
        log($"{parameters.Method} of {all.Rows} songs from {(model.Kind == Train.Models.MlpModel.KindName ? $"the MLP's last hidden layer ({width} units)" : $"{width} standardized features")}"
            + (double.IsNaN(result.KlDivergence) ? "" : $", KL divergence {result.KlDivergence:0.0000}")
            + $", laid out in {clock.Elapsed.TotalSeconds:0.00} s");
        return result;
    }
}

/// <summary>What Embed reads and writes, and how it reports: the stage's inputs and outputs as one record.</summary>
public sealed record EmbedRun(FeatureSet.Paths Features, string ModelFolder, string EmbeddingFolder, string SummaryFile)
{
    public IProgress<double> Progress { get; init; } = new Progress<double>();

    public Action<string> Log { get; init; } = _ => { };

    public IProgress<(string Phase, long Done, long Total)>? Phases { get; init; }
}
