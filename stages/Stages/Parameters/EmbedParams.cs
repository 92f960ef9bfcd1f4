using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record EmbedParams
{
    [RegularExpression("^(tsne|pca)$", ErrorMessage = "must be tsne or pca")]
    public string Method { get; init; } = "tsne";

    [Range(2.0, 100.0, ErrorMessage = "must be between 2 and 100")]
    public double Perplexity { get; init; } = 30;

    [Range(250, 100_000, ErrorMessage = "must be between 250 and 100,000")]
    public int Iterations { get; init; } = 1000;
}
