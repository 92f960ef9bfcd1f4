using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Embed.Methods;

/// <summary>embed.method: pca, the first two principal components: instant, linear, no KL.</summary>
public sealed class PcaMethod : IEmbedMethod
{
    public string Name => "pca";

    public string Label => "PCA";

    public TsneResult Layout(double[] vectors, int rows, int width, EmbedParams parameters, int seed, IProgress<double> progress,
        IProgress<(string Phase, long Done, long Total)>? phases) =>
        new(Pca.Project2D(vectors, rows, width), double.NaN, 0, Exact: true);
}
