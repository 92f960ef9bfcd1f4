using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Embed.Methods;

/// <summary>A way embed.method can lay the songs out in 2-D. Every method is one file and one entry in <see cref="EmbedMethods.All"/>.</summary>
public interface IEmbedMethod
{
    /// <summary>The name in params.yaml and in reports/embedding.json.</summary>
    string Name { get; }

    /// <summary>How the report names it ("t-SNE").</summary>
    string Label { get; }

    TsneResult Layout(double[] vectors, int rows, int width, EmbedParams parameters, int seed, IProgress<double> progress,
        IProgress<(string Phase, long Done, long Total)>? phases);
}
