using Pipeline.Stages.Embed;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Compare;

/// <summary>What Compare shows: the runs in order (the first is the baseline), the params that differ, and for a sweep its points.</summary>
public sealed record CompareData(IReadOnlyList<ComparedRun> Runs, IReadOnlyList<string> DifferingParams)
{
    public SweepView? Sweep { get; init; }

    /// <summary>The people, as the first run's model knows them (every run's own classes are checked against these where it matters).</summary>
    public IReadOnlyList<string> People => Runs[0].Metrics.Classes;
}

/// <summary>One run's outputs, loaded: its metrics, test predictions, training history (a model without one has none) and map.</summary>
public sealed record ComparedRun(string Label, string Kind, string Id)
{
    public string? Commit { get; init; }

    public required MetricsDocument Metrics { get; init; }

    public required IReadOnlyList<PredictedSong> Predictions { get; init; }

    public TrainingHistory? History { get; init; }

    public IReadOnlyList<EmbeddedSong> Map { get; init; } = [];

    public EmbeddingSummary? MapSummary { get; init; }

    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<HeadlineValue> Headline { get; init; } = [];

    /// <summary>Loads a run from its files: reports/metrics.json, reports/predictions.csv, models/model, data/embedding, reports/embedding.json.</summary>
    public static ComparedRun Load(string label, string kind, string id, CompareFiles files)
    {
        var metrics = MetricsDocument.Read(files.Metrics);
        return new ComparedRun(label, kind, id)
        {
            Metrics = metrics,
            Predictions = PredictionsFile.Read(files.Predictions, metrics.Classes),
            History = ModelStore.LoadHistory(files.ModelFolder),
            Map = EmbeddingTable.Read(Path.Combine(files.EmbeddingFolder, EmbeddingTable.FileName)).Songs,
            MapSummary = File.Exists(files.EmbeddingSummary) ? EmbeddingSummary.Read(files.EmbeddingSummary) : null,
        };
    }
}

/// <summary>Where a run's files are.</summary>
public sealed record CompareFiles(string Metrics, string Predictions, string ModelFolder, string EmbeddingFolder, string EmbeddingSummary);

/// <summary>A headline metric with its 95% interval, and whether its change from the first run is within noise (null on the first, or without intervals).</summary>
public sealed record HeadlineValue(string Name, double Value, double? Low, double? High, bool? WithinNoise);

/// <summary>A sweep's points for the sweep charts: the swept params, the metric each gave, and "best" / "within noise" / "worse".</summary>
public sealed record SweepView(string Id, string Metric, bool LowerIsBetter, IReadOnlyList<string> Axes, IReadOnlyList<SweepDot> Points);

public sealed record SweepDot(string Experiment, IReadOnlyDictionary<string, string> Values, double? Metric, double? Low, double? High, string Verdict)
{
    /// <summary>Drawn side by side too (a sweep of more than eight points shows its best eight).</summary>
    public bool Shown { get; init; }
}
