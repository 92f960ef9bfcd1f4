using System.Text.Json;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Train;

/// <summary>The MLP as a saved model: model.json holds the layers, weights and the classes.</summary>
public sealed class MlpClassifier(MlpNetwork network, IReadOnlyList<string> classes, IReadOnlyList<string> featureNames) : IClassifier
{
    public string Kind => Models.MlpModel.KindName;

    public MlpNetwork Network => network;

    public double[] Probabilities(FeatureMatrix matrix) => network.Predict(matrix.Values, matrix.Rows);

    public double[]? Hidden(FeatureMatrix matrix, out int units)
    {
        units = network.Layers[^2].Units;
        return network.Hidden(matrix.Values, matrix.Rows);
    }

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, ModelStore.ManifestFile), JsonSerializer.Serialize(
        new SavedMlp(Kind, classes, featureNames, network.Layers.Select(l => new SavedLayer(l.Inputs, l.Units, l.Activation.ToString().ToLowerInvariant(), l.Weights, l.Bias)).ToList()),
        ModelStore.Json) + "\n");

    public static MlpClassifier Load(string directory)
    {
        var saved = JsonSerializer.Deserialize<SavedMlp>(File.ReadAllText(Path.Combine(directory, ModelStore.ManifestFile)), ModelStore.Json)!;
        var layers = saved.Layers.Select(l => new DenseLayer(l.Inputs, l.Units, ActivationMath.Parse(l.Activation), l.Weights, l.Bias)).ToList();
        return new MlpClassifier(new MlpNetwork(layers), saved.Classes, saved.FeatureNames);
    }

    private sealed record SavedMlp(string Kind, IReadOnlyList<string> Classes, IReadOnlyList<string> FeatureNames, IReadOnlyList<SavedLayer> Layers);

    private sealed record SavedLayer(int Inputs, int Units, string Activation, double[] Weights, double[] Bias);
}
