using System.ComponentModel.DataAnnotations;
using Pipeline.Stages.Train.Models;

namespace Pipeline.Stages.Parameters;

public sealed record TrainParams : IValidatableObject
{
    /// <summary>A kind in <see cref="ModelKinds"/>, or auto: cross-validate every kind and train the best (by mean AUC; ties to the simpler).</summary>
    public string Model { get; init; } = MlpModel.KindName;

    /// <summary>Stratified, seeded k-fold cross-validation on the training rows, reported beside the hold-out metrics; 0 turns it off.</summary>
    [Range(0, 20, ErrorMessage = "must be 0 (off) or between 2 and 20")]
    public int CvFolds { get; init; } = 5;

    public MlpParams Mlp { get; init; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Model != ModelKinds.Auto && !ModelKinds.Names.Contains(Model))
        {
            yield return new ValidationResult(ModelKinds.Expected, [nameof(Model)]);
        }
        if (CvFolds == 1)
        {
            yield return new ValidationResult("must be 0 (off) or between 2 and 20: one fold has nothing to test on", [nameof(CvFolds)]);
        }
        if (Model == ModelKinds.Auto && CvFolds == 0)
        {
            yield return new ValidationResult("auto picks the trainer by cross-validation: set train.cv_folds to 2 or more (5 is usual)", [nameof(Model)]);
        }
    }
}

public sealed record MlpParams
{
    [Length(1, 16, ErrorMessage = "needs between 1 and 16 hidden layers")]
    public List<LayerParams> Layers { get; init; } = [new()];

    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100,000")]
    public int Epochs { get; init; } = 100;

    [Range(1, 1_000_000, ErrorMessage = "must be between 1 and 1,000,000")]
    public int BatchSize { get; init; } = 128;

    [Range(0.0, 10.0, MinimumIsExclusive = true, ErrorMessage = "must be greater than 0 and at most 10")]
    public double LearningRate { get; init; } = 0.05;

    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100,000")]
    public int Patience { get; init; } = 5;

    /// <summary>The share of the training rows held out (stratified, seeded) to watch for early stopping; never the test set.</summary>
    [Range(0.05, 0.5, ErrorMessage = "must be between 0.05 and 0.5")]
    public double Validation { get; init; } = 0.2;
}

public sealed record LayerParams
{
    /// <summary>At most 4,096: Embed projects the last hidden layer, and its PCA holds a units x units matrix.</summary>
    [Range(1, 4_096, ErrorMessage = "must be between 1 and 4,096 (wider layers do not fit the embedding's units x units matrix in memory, and train no better on 13-37 features)")]
    public int Units { get; init; } = 5;

    [RegularExpression("^(relu|tanh|sigmoid|linear)$", ErrorMessage = "must be relu, tanh, sigmoid or linear")]
    public string Activation { get; init; } = "relu";
}
