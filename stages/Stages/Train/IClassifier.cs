using Pipeline.Stages.Features;

namespace Pipeline.Stages.Train;

/// <summary>A trained model: probabilities per class, and for the MLP its last hidden layer.</summary>
public interface IClassifier
{
    string Kind { get; }

    /// <summary>Row-major, rows x classes, in the order of the preprocessing's classes.</summary>
    double[] Probabilities(FeatureMatrix matrix);

    /// <summary>The last hidden layer's activations (rows x units), or null for models without one.</summary>
    double[]? Hidden(FeatureMatrix matrix, out int units);

    void Save(string directory);
}
