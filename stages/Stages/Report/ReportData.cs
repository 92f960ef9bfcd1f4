using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report.Taste;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Report;

/// <summary>Everything the report shows, read from what the earlier stages wrote.</summary>
public sealed record ReportData(
    JsonElement Metrics,
    IReadOnlyList<string> Classes,
    IReadOnlyList<PredictedSong> TestPredictions,
    IReadOnlyList<EmbeddedSong> Embedding,
    JsonElement EmbeddingSummary,
    TrainingHistory? History,
    PipelineParams Params)
{
    public static ReportData Load(ReportInputs inputs, PipelineParams parameters)
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(inputs.Metrics));
        using var summary = JsonDocument.Parse(File.ReadAllText(inputs.EmbeddingSummary));
        var classes = metrics.RootElement.GetProperty("confusion_matrix").GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToList();
        var embedding = ParquetTable.Read(Path.Combine(inputs.EmbeddingFolder, "embedding.parquet")).ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        return new ReportData(metrics.RootElement.Clone(), classes, ReadPredictions(inputs.Predictions, classes),
            ReadEmbedding(embedding), summary.RootElement.Clone(), ModelStore.LoadHistory(inputs.ModelFolder), parameters)
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

    public string Model => Metrics.GetProperty("model").GetString()!;

    public int TrainRows => Metrics.GetProperty("rows").GetProperty("train").GetInt32();

    public int TestRows => Metrics.GetProperty("rows").GetProperty("test").GetInt32();

    public int Mistakes => TestPredictions.Count(p => p.TrueUser != p.PredictedUser);

    /// <summary>Each person's precision, recall, F1 and number of test songs, in the metrics' order.</summary>
    public IEnumerable<(string Name, double Precision, double Recall, double F1, int Support)> PerPerson() =>
        Metrics.GetProperty("per_user").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("precision").GetDouble(),
            p.Value.GetProperty("recall").GetDouble(), p.Value.GetProperty("f1").GetDouble(), p.Value.GetProperty("support").GetInt32()));

    /// <summary>"0.62-0.74": a metric's 95% bootstrap interval from metrics.json, or null when it has none.</summary>
    public string? Interval(string key) => Metrics.TryGetProperty($"{key}_ci", out var ci) && ci.GetArrayLength() == 2
        ? string.Create(CultureInfo.InvariantCulture, $"{ci[0].GetDouble():0.000}-{ci[1].GetDouble():0.000}")
        : null;

    /// <summary>The cross-validation rows: (trainer, mean AUC, sd, mean accuracy or NaN, chosen), the trained one first when there is one.</summary>
    public IReadOnlyList<(string Model, double AucMean, double AucSd, double AccuracyMean, bool Chosen)> CrossValidation()
    {
        if (Metrics.TryGetProperty("model_choice", out var choice))
        {
            return [.. choice.EnumerateArray().Select(c => (c.GetProperty("model").GetString()!, c.GetProperty("auc_mean").GetDouble(),
                c.GetProperty("auc_sd").GetDouble(), double.NaN, c.GetProperty("chosen").GetBoolean()))];
        }
        return Metrics.TryGetProperty("cv", out var cv)
            ? [(Model, cv.GetProperty("auc_mean").GetDouble(), cv.GetProperty("auc_sd").GetDouble(), cv.GetProperty("accuracy_mean").GetDouble(), true)]
            : [];
    }

    public int CvFolds => Metrics.TryGetProperty("cv", out var cv) ? cv.GetProperty("folds").GetInt32() : 0;

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

    private static List<PredictedSong> ReadPredictions(string path, List<string> classes)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(File.ReadAllText(path));
        var songs = new List<PredictedSong>();
        foreach (var row in reader)
        {
            var probabilities = new double[classes.Count];
            for (var c = 0; c < classes.Count; c++)
            {
                probabilities[c] = double.Parse(row[$"p_{classes[c]}"].Span, CultureInfo.InvariantCulture);
            }
            songs.Add(new PredictedSong(row["track_id"].ToString(), row["name"].ToString(), row["artists"].ToString(), row["true_user"].ToString(),
                row["predicted_user"].ToString(), probabilities));
        }
        return songs;
    }

    private static int IdenticalViews(Dictionary<string, Array> columns)
    {
        var views = columns.Where(c => c.Key.StartsWith("v_", StringComparison.Ordinal)).Select(c => (double[])c.Value).ToList();
        if (views.Count == 0)
        {
            return 0;
        }
        var rows = views[0].Length;
        return Enumerable.Range(0, rows).GroupBy(r => string.Join(",", views.Select(v => v[r].ToString("R", CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }

    private static List<EmbeddedSong> ReadEmbedding(Dictionary<string, Array> columns)
    {
        var users = (string[])columns["user"];
        return users.Select((u, r) => new EmbeddedSong(
            ((string[])columns["name"])[r], ((string[])columns["artists"])[r], u, ((string[])columns["predicted_user"])[r],
            ((double[])columns["probability"])[r], ((string[])columns["split"])[r], ((double[])columns["x"])[r], ((double[])columns["y"])[r])).ToList();
    }
}

/// <summary>The files the report reads, from the stages before it.</summary>
public sealed record ReportInputs(string Metrics, string Predictions, string EmbeddingFolder, string EmbeddingSummary, string ModelFolder, string Tracks,
    string FetchSummary);

public sealed record PredictedSong(string TrackId, string Name, string Artists, string TrueUser, string PredictedUser, double[] Probabilities);

public sealed record EmbeddedSong(string Name, string Artists, string User, string PredictedUser, double Probability, string Split, double X, double Y);
