using System.Numerics.Tensors;

namespace Pipeline.Stages.Train;

/// <summary>Adam (Kingma and Ba), with Keras's defaults: beta1 0.9, beta2 0.999, epsilon 1e-7.</summary>
internal sealed class AdamOptimizer(MlpNetwork network, double learningRate)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-7;

    private readonly double[][] weightMoments = network.Layers.Select(l => new double[l.Weights.Length]).ToArray();
    private readonly double[][] weightVariances = network.Layers.Select(l => new double[l.Weights.Length]).ToArray();
    private readonly double[][] biasMoments = network.Layers.Select(l => new double[l.Units]).ToArray();
    private readonly double[][] biasVariances = network.Layers.Select(l => new double[l.Units]).ToArray();
    private int step;

    public void Step(double[][] weightGradients, double[][] biasGradients)
    {
        step++;
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        var rate = learningRate * Math.Sqrt(correction2) / correction1;
        for (var l = 0; l < network.Layers.Count; l++)
        {
            Update(network.Layers[l].Weights, weightGradients[l], weightMoments[l], weightVariances[l], rate);
            Update(network.Layers[l].Bias, biasGradients[l], biasMoments[l], biasVariances[l], rate);
        }
    }

    private static void Update(Span<double> parameters, ReadOnlySpan<double> gradient, Span<double> moment, Span<double> variance, double rate)
    {
        // m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  p -= rate m / (sqrt(v) + eps)
        TensorPrimitives.Multiply(moment, Beta1, moment);
        TensorPrimitives.MultiplyAdd(gradient, 1 - Beta1, moment, moment);
        TensorPrimitives.Multiply(variance, Beta2, variance);
        for (var i = 0; i < parameters.Length; i++)
        {
            variance[i] += (1 - Beta2) * gradient[i] * gradient[i];
            parameters[i] -= rate * moment[i] / (Math.Sqrt(variance[i]) + Epsilon);
        }
    }
}
