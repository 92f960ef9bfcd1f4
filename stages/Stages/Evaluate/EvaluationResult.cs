namespace Pipeline.Stages.Evaluate;

/// <summary>Everything Evaluate measures on the test split.</summary>
public sealed record EvaluationResult(
    string Model,
    IReadOnlyList<string> Classes,
    double Accuracy,
    double F1Macro,
    double Auc,
    double LogLoss,
    double BaselineAccuracy,
    int[,] Confusion,
    (double Precision, double Recall, double F1, int Support)[] PerUser,
    IReadOnlyList<(string Feature, double AucDrop)> Importance,
    int TrainRows,
    int TestRows)
{
    /// <summary>Each headline metric's 95% bootstrap interval, in <see cref="Bootstrap.Metrics"/>' order; empty when turned off.</summary>
    public IReadOnlyList<(double Low, double High)> Intervals { get; init; } = [];

    /// <summary>The cross-validation Train ran, or null.</summary>
    public Train.CvRecord? CrossValidation { get; init; }
}
