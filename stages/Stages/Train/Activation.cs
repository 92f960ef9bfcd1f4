using System.Numerics.Tensors;

namespace Pipeline.Stages.Train;

/// <summary>Hidden-layer activations, and their derivatives written in terms of the pre-activation and the output.</summary>
public enum Activation
{
    Relu,
    Tanh,
    Sigmoid,
    Linear,
}

internal static class ActivationMath
{
    public static Activation Parse(string name) => name switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "sigmoid" => Activation.Sigmoid,
        "linear" => Activation.Linear,
        _ => throw new ArgumentException($"unknown activation '{name}'", nameof(name)),
    };

    public static void Apply(Activation activation, ReadOnlySpan<double> z, Span<double> a)
    {
        switch (activation)
        {
            case Activation.Relu:
                TensorPrimitives.Max(z, 0.0, a);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, a);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(z, a);
                break;
            default:
                z.CopyTo(a);
                break;
        }
    }

    /// <summary>gradient *= f'(z), in place.</summary>
    public static void Backward(Activation activation, ReadOnlySpan<double> z, ReadOnlySpan<double> a, Span<double> gradient)
    {
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= activation switch
            {
                Activation.Relu => z[i] > 0 ? 1 : 0,
                Activation.Tanh => 1 - (a[i] * a[i]),
                Activation.Sigmoid => a[i] * (1 - a[i]),
                _ => 1,
            };
        }
    }
}
