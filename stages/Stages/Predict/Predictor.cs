using Pipeline.Stages.Data;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Features;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Predict;

/// <summary>
/// Whose taste each track in a file fits: reads the file like the csv source does (any spelling, CSV or
/// Parquet), applies the saved preprocessing and model, and writes the probabilities beside the input.
/// A plain export (the 13 audio features) on a model trained with the timbre and pitch means gets those
/// filled with their training means, with a warning that says so and which params train a model that fits.
/// </summary>
public static class Predictor
{
    public static PredictionTable Predict(string inputPath, string displayName, string preprocessingPath, string modelDir, Action<string> log)
    {
        if (!File.Exists(preprocessingPath))
        {
            throw new InvalidDataException($"{preprocessingPath}: no trained model yet; run ./build.sh --target=Train first");
        }
        var preprocessing = Preprocessing.Load(preprocessingPath);
        var model = ModelStore.Load(modelDir, seed: 0);
        var needed = preprocessing.Numerical.Select(n => n.Name).Concat(preprocessing.Categorical.Select(c => c.Name)).ToList();
        var raw = RawTableReader.Read(inputPath, displayName, "--input");
        var lacking = Lacking(raw, preprocessing, needed, displayName, log);
        var tracks = TrackImporter.Import(raw, "?", null, [], maxBadRows: 1.0, needed.Except(lacking).ToList(), log);
        tracks = WithTrainingMeans(tracks, preprocessing, lacking);
        var features = preprocessing.Transform(tracks, out var unknown);
        if (unknown > 0)
        {
            log($"{unknown} categorical values were not in the training category list and were encoded as all zeros");
        }
        var values = FeatureMatrix.RowMajor(features, tracks.RowCount);
        var identities = Enumerable.Range(0, tracks.RowCount).Select(r => new TrackIdentity("?", tracks.TrackId[r], tracks.Name[r], tracks.Artists[r])).ToArray();
        var matrix = new FeatureMatrix([.. preprocessing.FeatureNames], values, new int[tracks.RowCount], [.. preprocessing.Classes], identities);
        var probabilities = model.Probabilities(matrix);
        var output = Path.ChangeExtension(inputPath, null) + ".predictions.csv";
        File.WriteAllText(output, PredictionsFile.Csv(identities, preprocessing.Classes, probabilities, withTruth: false));
        return new PredictionTable(identities, preprocessing.Classes, probabilities, output);
    }

    /// <summary>The timbre and pitch means the model needs and the file lacks (all 24, or none; a partial set is an error).</summary>
    private static List<string> Lacking(RawTable raw, Preprocessing preprocessing, List<string> needed, string displayName, Action<string> log)
    {
        var timbre = needed.Where(AudioFeatures.TimbreAndPitch.Contains).ToList();
        var missing = timbre.Where(f => ColumnAliases.Feature(raw.Headers, f) is null).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        var normalized = preprocessing.Numerical.Where(n => missing.Contains(n.Name)).All(n => n.Mean != 0 || n.Scale != 1);
        const string fix = "for a model that fits such files, train without them: ./build.sh --set features.timbre=false (or features.timbre: false in params.yaml)";
        if (missing.Count < timbre.Count || !normalized)
        {
            throw new InvalidDataException($"{displayName}: lacks {missing.Count} of the {timbre.Count} timbre and pitch means the model was trained with ({missing[0]}, ...); {fix}");
        }
        log($"warning: {displayName} has only the audio features; the model was also trained on {missing.Count} timbre and pitch means, "
            + $"which are filled with their training means, so these predictions rest on the audio features alone; {fix}");
        return missing;
    }

    private static TrackTable WithTrainingMeans(TrackTable tracks, Preprocessing preprocessing, List<string> lacking) =>
        lacking.Count == 0 ? tracks : tracks with
        {
            Features = [.. tracks.Features, .. preprocessing.Numerical.Where(n => lacking.Contains(n.Name))
                .Select(n => new NumericColumn(n.Name, Enumerable.Repeat(n.Mean, tracks.RowCount).ToArray(), false))],
        };
}

public sealed record PredictionTable(IReadOnlyList<TrackIdentity> Tracks, IReadOnlyList<string> Classes, double[] Probabilities, string OutputFile);
