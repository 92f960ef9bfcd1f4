using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Embed.Methods;

/// <summary>embed.method: tsne, our Barnes-Hut t-SNE (embed.perplexity, embed.iterations).</summary>
public sealed class TsneMethod : IEmbedMethod
{
    public const string KindName = "tsne";

    public string Name => KindName;

    public string Label => "t-SNE";

    public TsneResult Layout(double[] vectors, int rows, int width, EmbedParams parameters, int seed, IProgress<double> progress,
        IProgress<(string Phase, long Done, long Total)>? phases) =>
        Tsne.Run(vectors, rows, width, new TsneOptions { Perplexity = parameters.Perplexity, Iterations = parameters.Iterations, Seed = seed, Phases = phases }, progress);
}
