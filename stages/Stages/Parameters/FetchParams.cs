using System.ComponentModel.DataAnnotations;

namespace Pipeline.Stages.Parameters;

public sealed record FetchParams : IValidatableObject
{
    /// <summary>demo (embedded, offline) | csv | spotify.</summary>
    [RegularExpression("^(demo|csv|spotify)$", ErrorMessage = "must be demo, csv or spotify")]
    public string Source { get; init; } = "demo";

    /// <summary>Two or more people; the label is the key.</summary>
    public Dictionary<string, UserParams> Users { get; init; } = new(StringComparer.Ordinal)
    {
        ["paulo"] = new(),
        ["amelia"] = new(),
    };

    public DemoParams Demo { get; init; } = new();

    public CsvParams Csv { get; init; } = new();

    /// <summary>Rows with an empty or non-numeric feature are dropped (and counted) up to this fraction of a file; above it, an error.</summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between 0 and 1")]
    public double MaxBadRows { get; init; } = 0.05;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Csv.File is null && Users.Count < 2)
        {
            yield return new ValidationResult("needs two or more people", [nameof(Users)]);
        }
        if (Source == "csv" && Csv.File is null && Users.FirstOrDefault(u => u.Value.File is null) is { Key: { } name })
        {
            yield return new ValidationResult($"'{name}' has no file; the csv source needs users.NAME.file or csv.file", [nameof(Users)]);
        }
    }
}
