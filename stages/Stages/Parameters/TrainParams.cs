using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record TrainParams
{
    [RegularExpression("^(mlp|lightgbm|logistic|forest)$", ErrorMessage = "must be mlp, lightgbm, logistic or forest")]
    public string Model { get; init; } = "mlp";

    public MlpParams Mlp { get; init; } = new();
}

public sealed record MlpParams
{
    [MinLength(1, ErrorMessage = "needs at least one hidden layer")]
    public List<LayerParams> Layers { get; init; } = [new()];

    [Range(1, 100_000, ErrorMessage = "must be at least 1")]
    public int Epochs { get; init; } = 100;

    [Range(1, 1_000_000, ErrorMessage = "must be at least 1")]
    public int BatchSize { get; init; } = 128;

    [Range(1e-9, 10.0, MinimumIsExclusive = true, ErrorMessage = "must be greater than 0")]
    public double LearningRate { get; init; } = 0.05;

    [Range(1, 100_000, ErrorMessage = "must be at least 1")]
    public int Patience { get; init; } = 5;

    /// <summary>The share of the training rows held out (stratified, seeded) to watch for early stopping; never the test set.</summary>
    [Range(0.05, 0.5, ErrorMessage = "must be between 0.05 and 0.5")]
    public double Validation { get; init; } = 0.2;
}

public sealed record LayerParams
{
    [Range(1, 100_000, ErrorMessage = "must be at least 1")]
    public int Units { get; init; } = 5;

    [RegularExpression("^(relu|tanh|sigmoid|linear)$", ErrorMessage = "must be relu, tanh, sigmoid or linear")]
    public string Activation { get; init; } = "relu";
}
