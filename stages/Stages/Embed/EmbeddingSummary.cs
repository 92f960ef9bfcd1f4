using Pipeline.Stages.Data;

namespace Pipeline.Stages.Embed;

/// <summary>reports/embedding.json: how the map was made. No durations (they would break byte-stability); the time goes to the log and the benchmark.</summary>
public sealed record EmbeddingSummary(string Method, int N, int Iterations, double? KlDivergence, bool ExactGradient)
{
    public static EmbeddingSummary From(string method, int n, TsneResult result) =>
        new(method, n, result.Iterations, double.IsNaN(result.KlDivergence) ? null : Math.Round(result.KlDivergence, 4), result.Exact);

    public void Write(string path) => StableJson.Write(path, this);

    public static EmbeddingSummary Read(string path) =>
        StableJson.Read<EmbeddingSummary>(path) ?? throw new InvalidDataException($"{path}: empty embedding summary");
}
