using System.ComponentModel.DataAnnotations;
using Pipeline.Stages.Embed.Methods;

namespace Pipeline.Stages.Parameters;

public sealed record EmbedParams : IValidatableObject
{
    /// <summary>A method in <see cref="EmbedMethods"/>.</summary>
    public string Method { get; init; } = TsneMethod.KindName;

    [Range(2.0, 100.0, ErrorMessage = "must be between 2 and 100")]
    public double Perplexity { get; init; } = 30;

    [Range(250, 100_000, ErrorMessage = "must be between 250 and 100,000")]
    public int Iterations { get; init; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!EmbedMethods.Names.Contains(Method))
        {
            yield return new ValidationResult(EmbedMethods.Expected, [nameof(Method)]);
        }
    }
}
