namespace Pipeline.Stages.Parameters;

/// <summary>One file holding everyone's songs, with a column naming whose they are (instead of one file per user).</summary>
public sealed record CsvParams
{
    public string? File { get; init; }

    public string LabelColumn { get; init; } = "user";
}
