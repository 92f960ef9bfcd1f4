using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Train;

/// <summary>An ML.NET model (LightGbm, L-BFGS logistic regression, FastForest), saved as model.zip beside model.json.</summary>
public sealed class MlNetClassifier(string kind, MLContext context, ITransformer model, DataViewSchema schema, IReadOnlyList<string> classes,
    IReadOnlyList<string> featureNames) : IClassifier
{
    public const string ZipFile = "model.zip";

    public string Kind => kind;

    public double[] Probabilities(FeatureMatrix matrix)
    {
        var scored = model.Transform(MlNetData.Load(context, matrix));
        var result = new double[matrix.Rows * classes.Count];
        if (classes.Count == 2)
        {
            var probabilities = scored.GetColumn<float>("Probability").ToArray();
            for (var r = 0; r < matrix.Rows; r++)
            {
                result[(r * 2) + 1] = probabilities[r];
                result[r * 2] = 1 - probabilities[r];
            }
            return result;
        }
        var row = 0;
        foreach (var score in scored.GetColumn<VBuffer<float>>("Score"))
        {
            var values = score.DenseValues().ToArray();
            var sum = values.Sum();
            for (var c = 0; c < classes.Count; c++)
            {
                result[(row * classes.Count) + c] = sum > 0 ? values[c] / sum : 1.0 / classes.Count;
            }
            row++;
        }
        return result;
    }

    public double[]? Hidden(FeatureMatrix matrix, out int units)
    {
        units = 0;
        return null;
    }

    public void Save(string directory)
    {
        context.Model.Save(model, schema, Path.Combine(directory, ZipFile));
        StableZip.Normalize(Path.Combine(directory, ZipFile));
        File.WriteAllText(Path.Combine(directory, ModelStore.ManifestFile),
            JsonSerializer.Serialize(new SavedMlNet(kind, classes, featureNames), ModelStore.Json) + "\n");
    }

    public static MlNetClassifier Load(string directory, int seed)
    {
        var saved = JsonSerializer.Deserialize<SavedMlNet>(File.ReadAllText(Path.Combine(directory, ModelStore.ManifestFile)), ModelStore.Json)!;
        var context = new MLContext(seed);
        var model = context.Model.Load(Path.Combine(directory, ZipFile), out var schema);
        return new MlNetClassifier(saved.Kind, context, model, schema, saved.Classes, saved.FeatureNames);
    }

    private sealed record SavedMlNet(string Kind, IReadOnlyList<string> Classes, IReadOnlyList<string> FeatureNames);
}
