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
    int TestRows);
