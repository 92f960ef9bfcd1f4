namespace WordCount;

/// <summary>params.yaml: one section per stage.</summary>
public sealed record WordParams
{
    public CountParams Count { get; init; } = new();

    public TopParams Top { get; init; } = new();
}

public sealed record CountParams
{
    /// <summary>Words shorter than this are not counted.</summary>
    public int MinLength { get; init; } = 3;
}

public sealed record TopParams
{
    /// <summary>How many of the most frequent words the table lists.</summary>
    public int N { get; init; } = 10;
}
