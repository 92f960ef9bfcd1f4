using System.Numerics.Tensors;

namespace Pipeline.Stages.Train;

/// <summary>
/// A multilayer perceptron with a softmax output over the people: forward pass, class probabilities,
/// the last hidden layer's activations (for Embed), and the cross-entropy gradient (for training).
/// </summary>
public sealed class MlpNetwork(IReadOnlyList<DenseLayer> layers)
{
    public IReadOnlyList<DenseLayer> Layers { get; } = layers;

    public int Classes => Layers[^1].Units;

    /// <summary>Glorot-uniform weights and zero biases, as Keras starts a Dense layer.</summary>
    public static MlpNetwork Create(int inputs, IReadOnlyList<(int Units, Activation Activation)> hidden, int classes, Random random)
    {
        var layers = new List<DenseLayer>();
        var previous = inputs;
        foreach (var (units, activation) in hidden.Append((classes, Activation.Linear)))
        {
            var limit = Math.Sqrt(6.0 / (previous + units));
            var weights = new double[units * previous];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = ((random.NextDouble() * 2) - 1) * limit;
            }
            layers.Add(new DenseLayer(previous, units, activation, weights, new double[units]));
            previous = units;
        }
        return new MlpNetwork(layers);
    }

    public MlpNetwork Copy() => new(Layers.Select(l => l.Copy()).ToList());

    /// <summary>Class probabilities, row-major (rows x classes).</summary>
    public double[] Predict(ReadOnlySpan<double> x, int rows) => Forward(x, rows).Outputs[^1];

    /// <summary>The last hidden layer's activations, row-major.</summary>
    public double[] Hidden(ReadOnlySpan<double> x, int rows) => Forward(x, rows).Outputs[^2];

    /// <summary>Mean cross-entropy of the rows against their labels, and its gradient for every weight and bias.</summary>
    public (double Loss, double[][] WeightGradients, double[][] BiasGradients) Gradients(ReadOnlySpan<double> x, ReadOnlySpan<int> labels)
    {
        var rows = labels.Length;
        var pass = Forward(x, rows);
        var probabilities = pass.Outputs[^1];
        var loss = Loss(probabilities, labels);
        var delta = (double[])probabilities.Clone();
        for (var r = 0; r < rows; r++)
        {
            delta[(r * Classes) + labels[r]] -= 1;
        }
        TensorPrimitives.Divide(delta, rows, delta);
        var weightGradients = new double[Layers.Count][];
        var biasGradients = new double[Layers.Count][];
        for (var l = Layers.Count - 1; l >= 0; l--)
        {
            var layer = Layers[l];
            var input = l == 0 ? x : pass.Outputs[l - 1];
            var dW = new double[layer.Weights.Length];
            var dB = new double[layer.Units];
            var dInput = l == 0 ? null : new double[rows * layer.Inputs];
            for (var r = 0; r < rows; r++)
            {
                var inputRow = input.Slice(r * layer.Inputs, layer.Inputs);
                for (var j = 0; j < layer.Units; j++)
                {
                    var d = delta[(r * layer.Units) + j];
                    if (d == 0)
                    {
                        continue;
                    }
                    var dWRow = dW.AsSpan(j * layer.Inputs, layer.Inputs);
                    TensorPrimitives.MultiplyAdd(inputRow, d, dWRow, dWRow);
                    dB[j] += d;
                    if (dInput is not null)
                    {
                        var dInRow = dInput.AsSpan(r * layer.Inputs, layer.Inputs);
                        TensorPrimitives.MultiplyAdd(layer.Weights.AsSpan(j * layer.Inputs, layer.Inputs), d, dInRow, dInRow);
                    }
                }
            }
            weightGradients[l] = dW;
            biasGradients[l] = dB;
            if (dInput is not null)
            {
                ActivationMath.Backward(Layers[l - 1].Activation, pass.PreActivations[l - 1], pass.Outputs[l - 1], dInput);
                delta = dInput;
            }
        }
        return (loss, weightGradients, biasGradients);
    }

    /// <summary>Mean cross-entropy, with probabilities clipped away from zero.</summary>
    public static double Loss(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels)
    {
        var classes = probabilities.Length / labels.Length;
        double sum = 0;
        for (var r = 0; r < labels.Length; r++)
        {
            sum -= Math.Log(Math.Max(probabilities[(r * classes) + labels[r]], 1e-15));
        }
        return sum / labels.Length;
    }

    private ForwardPass Forward(ReadOnlySpan<double> x, int rows)
    {
        var outputs = new double[Layers.Count][];
        var pre = new double[Layers.Count][];
        var input = x;
        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            var z = new double[rows * layer.Units];
            for (var r = 0; r < rows; r++)
            {
                var inputRow = input.Slice(r * layer.Inputs, layer.Inputs);
                for (var j = 0; j < layer.Units; j++)
                {
                    z[(r * layer.Units) + j] = TensorPrimitives.Dot(inputRow, layer.Weights.AsSpan(j * layer.Inputs, layer.Inputs)) + layer.Bias[j];
                }
            }
            var a = new double[z.Length];
            if (l == Layers.Count - 1)
            {
                var shifted = new double[layer.Units];
                for (var r = 0; r < rows; r++)
                {
                    // Shifted by the row's maximum so large logits cannot overflow exp.
                    var logits = z.AsSpan(r * layer.Units, layer.Units);
                    TensorPrimitives.Subtract(logits, TensorPrimitives.Max(logits), shifted);
                    TensorPrimitives.SoftMax(shifted, a.AsSpan(r * layer.Units, layer.Units));
                }
            }
            else
            {
                ActivationMath.Apply(layer.Activation, z, a);
            }
            pre[l] = z;
            outputs[l] = a;
            input = a;
        }
        return new ForwardPass(pre, outputs);
    }

    private sealed record ForwardPass(double[][] PreActivations, double[][] Outputs);
}
