using System.Globalization;
using Pipeline.Stages.Data;
using Pipeline.Stages.Embed;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report.Taste;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Report;

/// <summary>Everything the report shows, read from what the earlier stages wrote.</summary>
public sealed record ReportData(
    MetricsDocument Metrics,
    IReadOnlyList<string> Classes,
    IReadOnlyList<PredictedSong> TestPredictions,
    IReadOnlyList<EmbeddedSong> Embedding,
    EmbeddingSummary EmbeddingSummary,
    TrainingHistory? History,
    PipelineParams Params)
{
    public static ReportData Load(ReportInputs inputs, PipelineParams parameters)
    {
        var metrics = MetricsDocument.Read(inputs.Metrics);
        var embedding = EmbeddingTable.Read(Path.Combine(inputs.EmbeddingFolder, EmbeddingTable.FileName));
        return new ReportData(metrics, metrics.Classes, PredictionsFile.Read(inputs.Predictions, metrics.Classes),
            embedding.Songs, EmbeddingSummary.Read(inputs.EmbeddingSummary), ModelStore.LoadHistory(inputs.ModelFolder), parameters)
        {
            LargestIdenticalGroup = IdenticalViews(embedding),
            Tracks = TrackStore.Read(inputs.Tracks),
            FetchSummary = File.Exists(inputs.FetchSummary) ? FetchSummary.Load(inputs.FetchSummary) : null,
        };
    }

    /// <summary>Everyone's liked songs with their audio features, as fetched: the taste profiles and shared songs.</summary>
    public TrackTable Tracks { get; init; } = new([], [], [], [], []);

    /// <summary>The most songs the model sees identically (the same value on every hidden unit): one spot on the map.</summary>
    public int LargestIdenticalGroup { get; init; }

    /// <summary>What Fetch listed and skipped, per person and per file.</summary>
    public FetchSummary? FetchSummary { get; init; }

    /// <summary>The taste profiles of the people in <see cref="Tracks"/>.</summary>
    public TasteProfiles Profiles() => TasteProfiles.From(Tracks);

    /// <summary>A song's value of each taste feature, found by its track id in <see cref="Tracks"/>; NaN where it is not there.</summary>
    public Func<string, double[]> SongValues(TasteProfiles profiles)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < Tracks.RowCount; r++)
        {
            rows.TryAdd(Tracks.TrackId[r], r);
        }
        var columns = profiles.Features.Select(f => Tracks.Column(f.Name)!.Values).ToList();
        return id => rows.TryGetValue(id, out var r) ? columns.Select(c => c[r]).ToArray() : [.. columns.Select(_ => double.NaN)];
    }

    /// <summary>Where the songs came from, when the report should say (the demo: who got which taste profile).</summary>
    public string? SourceNote { get; init; }

    public string Model => Metrics.Model;

    public int TrainRows => Metrics.Rows.Train;

    public int TestRows => Metrics.Rows.Test;

    public int Mistakes => TestPredictions.Count(p => p.TrueUser != p.PredictedUser);

    /// <summary>Each person's precision, recall, F1 and number of test songs, in the metrics' order.</summary>
    public IEnumerable<(string Name, double Precision, double Recall, double F1, int Support)> PerPerson() =>
        Metrics.PerUser.Select(p => (p.Key, p.Value.Precision, p.Value.Recall, p.Value.F1, p.Value.Support));

    /// <summary>"0.62-0.74": a metric's 95% bootstrap interval from metrics.json, or null when it has none.</summary>
    public string? Interval(string key) => Metrics.Headline(key).Interval is [var low, var high]
        ? string.Create(CultureInfo.InvariantCulture, $"{low:0.000}-{high:0.000}")
        : null;

    /// <summary>The cross-validation rows: (trainer, mean AUC, sd, mean accuracy or NaN, chosen), the trained one first when there is one.</summary>
    public IReadOnlyList<(string Model, double AucMean, double AucSd, double AccuracyMean, bool Chosen)> CrossValidation()
    {
        if (Metrics.ModelChoice is { } choice)
        {
            return [.. choice.Select(c => (c.Model, c.AucMean, c.AucSd, double.NaN, c.Chosen))];
        }
        return Metrics.Cv is { } cv ? [(Model, cv.AucMean, cv.AucSd, cv.AccuracyMean, true)] : [];
    }

    public int CvFolds => Metrics.Cv?.Folds ?? 0;

    /// <summary>How sure the model was of the person it picked.</summary>
    public double Confidence(PredictedSong song) => song.Probabilities[Classes.ToList().IndexOf(song.PredictedUser)];

    /// <summary>A person's signature songs: their test songs the model is surest are theirs, surest first.</summary>
    public IReadOnlyList<PredictedSong> Signature(string person, int count)
    {
        var c = Classes.ToList().IndexOf(person);
        return TestPredictions.Where(p => p.TrueUser == person)
            .OrderByDescending(p => p.Probabilities[c]).ThenBy(p => p.TrackId, StringComparer.Ordinal)
            .Take(count).ToList();
    }

    /// <summary>"Could be anyone's": the test songs whose most likely person is least likely, least sure first.</summary>
    public IReadOnlyList<PredictedSong> Anyones(int count) => TestPredictions
        .OrderBy(p => p.Probabilities.Max()).ThenBy(p => p.TrackId, StringComparer.Ordinal)
        .Take(count).ToList();

    /// <summary>The signature table's rows, for report.md and report.html alike: each person's signature songs, then the could-be-anyone's.</summary>
    public IEnumerable<(string Whose, PredictedSong Song, double Probability)> SignatureRows(int count)
    {
        for (var c = 0; c < Classes.Count; c++)
        {
            foreach (var song in Signature(Classes[c], count))
            {
                yield return (Classes[c], song, song.Probabilities[c]);
            }
        }
        foreach (var song in Anyones(count))
        {
            yield return ($"could be anyone's (liked by {song.TrueUser})", song, song.Probabilities.Max());
        }
    }

    /// <summary>Test songs the model gave to someone else, most confident mistakes first.</summary>
    public IReadOnlyList<PredictedSong> Misclassified(int count) => TestPredictions
        .Where(p => p.TrueUser != p.PredictedUser)
        .OrderByDescending(Confidence)
        .ThenBy(p => p.TrackId, StringComparer.Ordinal)
        .Take(count).ToList();

    /// <summary>The most songs sharing one view (the same value on every hidden unit).</summary>
    private static int IdenticalViews(Embedding embedding)
    {
        var (views, width) = (embedding.Views, embedding.Width);
        if (width == 0)
        {
            return 0;
        }
        return Enumerable.Range(0, embedding.Songs.Count)
            .GroupBy(r => string.Join(",", Enumerable.Range(0, width).Select(k => views[(r * width) + k].ToString("R", CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }
}

/// <summary>The files the report reads, from the stages before it.</summary>
public sealed record ReportInputs(string Metrics, string Predictions, string EmbeddingFolder, string EmbeddingSummary, string ModelFolder, string Tracks,
    string FetchSummary);
