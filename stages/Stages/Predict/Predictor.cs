using Pipeline.Stages.Data;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Features;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Train;

namespace Pipeline.Stages.Predict;

/// <summary>
/// Whose taste each track in a file fits: reads the file like the csv source does (any spelling, CSV or
/// Parquet), applies the saved preprocessing and model, and writes the probabilities beside the input.
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
        var raw = RawTableReader.Read(inputPath, displayName);
        var tracks = TrackImporter.Import(raw, "?", null, [], maxBadRows: 1.0, needed, log);
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
        File.WriteAllText(output, PredictionsWriter.Csv(identities, preprocessing.Classes, probabilities, withTruth: false));
        return new PredictionTable(identities, preprocessing.Classes, probabilities, output);
    }
}

public sealed record PredictionTable(IReadOnlyList<TrackIdentity> Tracks, IReadOnlyList<string> Classes, double[] Probabilities, string OutputFile);
