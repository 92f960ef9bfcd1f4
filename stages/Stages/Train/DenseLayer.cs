namespace Pipeline.Stages.Train;

/// <summary>A fully connected layer: Weights is Units rows of Inputs (row-major); the last layer's activation is softmax.</summary>
public sealed record DenseLayer(int Inputs, int Units, Activation Activation, double[] Weights, double[] Bias)
{
    public DenseLayer Copy() => this with { Weights = (double[])Weights.Clone(), Bias = (double[])Bias.Clone() };
}
