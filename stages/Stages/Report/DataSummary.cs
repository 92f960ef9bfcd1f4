using System.Globalization;
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
        if (p.Fetch.Source == "demo")
        {
            rows.Add(("fetch.demo", string.Create(CultureInfo.InvariantCulture,
                $"{p.Fetch.Demo.TracksPerUser} songs per person, taste {p.Fetch.Demo.Taste}, shared {p.Fetch.Demo.Shared}")));
        }
        if (p.Fetch.Source == "spotify")
        {
            rows.Add(("fetch.spotify", $"features from {p.Fetch.Spotify.FeaturesProvider}, audio analysis {(p.Fetch.Spotify.AudioAnalysis ? "on" : "off")}"));
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

    private static string Source(ReportData data) => data.Params.Fetch.Source switch
    {
        "demo" => "demo: synthetic songs made up on this machine, not anyone's real library",
        "csv" => "csv: " + string.Join(", ", data.FetchSummary?.Files.Select(f => f.File) ?? []),
        "spotify" => $"spotify: {string.Join(", ", data.FetchSummary?.Users.Select(u => $"{u.Key} ({u.Value.From})") ?? [])}",
        var other => other,
    };

    private static string Skipped(ReportData data)
    {
        var summary = data.FetchSummary;
        if (summary is null || data.Params.Fetch.Source == "demo")
        {
            return "none (the demo makes every row whole)";
        }
        if (summary.Source == "spotify")
        {
            return string.Join("; ", summary.Users.Select(u => $"{u.Key}: {u.Value.Explain(summary.FeaturesProvider ?? "spotify")}"));
        }
        var bad = summary.Files.Where(f => f.BadRows > 0).ToList();
        return bad.Count == 0
            ? "none"
            : string.Join("; ", bad.Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{f.File}: {f.BadRows:N0} of {f.Rows:N0} (an empty, non-numeric or impossible feature)")));
    }

    private static string SharedPolicy(string policy) => policy switch
    {
        "drop" => "left out of training and testing: they say nothing about whose taste a song fits",
        "keep" => "kept once per person",
        _ => "kept once, labelled with everyone who likes them",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "on" : "off";
}
