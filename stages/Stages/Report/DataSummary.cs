using System.Globalization;
using Pipeline.Stages.Fetch.Sources;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Report;

/// <summary>The report's data summary and params table: where the songs came from, what was dropped, and the settings that shaped the model.</summary>
public static class DataSummary
{
    /// <summary>(what, how much) rows: source, songs per person, shared songs, rows skipped, train and test.</summary>
    public static IReadOnlyList<(string Label, string Value)> Rows(ReportData data)
    {
        var p = data.Params;
        var rows = new List<(string, string)> { ("Source", Source(data)) };
        var counts = data.Tracks.User.GroupBy(u => u).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count():N0}"));
        rows.Add(("Songs per person", string.Join(", ", counts)));
        var shared = data.Tracks.TrackId.GroupBy(id => id, StringComparer.Ordinal).Count(g => g.Count() > 1);
        rows.Add(("Songs several people like", string.Create(CultureInfo.InvariantCulture,
            $"{shared:N0}, {SharedPolicy(p.Features.SharedTracks)} (features.shared_tracks = {p.Features.SharedTracks})")));
        rows.Add(("Rows skipped", Skipped(data)));
        rows.Add(("Training and test songs", string.Create(CultureInfo.InvariantCulture,
            $"{data.TrainRows:N0} to train on, {data.TestRows:N0} held out to test (features.test_size = {p.Features.TestSize}, stratified by person)")));
        return rows;
    }

    /// <summary>The params that shape what the report shows, as (key, value): the model's settings in one place instead of the whole file.</summary>
    public static IReadOnlyList<(string Key, string Value)> Params(PipelineParams p)
    {
        var rows = new List<(string, string)>
        {
            ("seed", Text(p.Seed)),
            ("fetch.source", p.Fetch.Source),
        };
        if (Sources.Find(p.Fetch.Source).Settings(p.Fetch) is { } settings)
        {
            rows.Add(settings);
        }
        rows.Add(("features", string.Create(CultureInfo.InvariantCulture,
            $"{p.Features.Numerical.Count} numerical, {p.Features.Categorical.Count} categorical{(p.Features.Timbre ? ", timbre and pitch" : "")}; normalize {Text(p.Features.Normalize)}")));
        rows.Add(("train.model", p.Train.Model));
        rows.Add(("train.cv_folds", p.Train.CvFolds == 0 ? "off" : Text(p.Train.CvFolds)));
        if (p.Train.Model is Train.Models.MlpModel.KindName or Train.Models.ModelKinds.Auto)
        {
            var m = p.Train.Mlp;
            rows.Add(("train.mlp", string.Create(CultureInfo.InvariantCulture,
                $"layers {string.Join(", ", m.Layers.Select(l => $"{l.Units} {l.Activation}"))}; {m.Epochs} epochs, batch {m.BatchSize}, learning rate {m.LearningRate}, patience {m.Patience}")));
        }
        rows.Add(("evaluate.bootstrap", p.Evaluate.Bootstrap == 0 ? "off" : string.Create(CultureInfo.InvariantCulture, $"{p.Evaluate.Bootstrap:N0} resamples")));
        rows.Add(("embed", p.Embed.Method == Embed.Methods.TsneMethod.KindName
            ? string.Create(CultureInfo.InvariantCulture, $"t-SNE, perplexity {p.Embed.Perplexity}, {p.Embed.Iterations} iterations")
            : "PCA"));
        return rows;
    }

    private static string Source(ReportData data) => Sources.Find(data.Params.Fetch.Source).Describe(data.FetchSummary);

    private static string Skipped(ReportData data) => Sources.Find(data.Params.Fetch.Source).Skipped(data.FetchSummary);

    private static string SharedPolicy(string policy) => policy switch
    {
        "drop" => "left out of training and testing: they say nothing about whose taste a song fits",
        "keep" => "kept once per person",
        _ => "kept once, labelled with everyone who likes them",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "on" : "off";
}
