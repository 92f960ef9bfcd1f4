namespace Pipeline.Stages.Parameters;

/// <summary>params.yaml, bound. Defaults mirror the original Python project.</summary>
public sealed record PipelineParams
{
    public int Seed { get; init; } = 12345;

    public FetchParams Fetch { get; init; } = new();

    public FeaturesParams Features { get; init; } = new();

    public TrainParams Train { get; init; } = new();

    public EvaluateParams Evaluate { get; init; } = new();

    public EmbedParams Embed { get; init; } = new();
}
