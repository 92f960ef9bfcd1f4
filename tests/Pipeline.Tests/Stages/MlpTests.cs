using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;

namespace Pipeline.Tests.Stages;

public sealed class MlpTests
{
    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Linear)]
    public void Gradients_match_finite_differences(Activation activation)
    {
        var random = new Random(3);
        var network = MlpNetwork.Create(4, [(5, activation), (3, activation)], 3, random);
        var x = Enumerable.Range(0, 6 * 4).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        int[] labels = [0, 1, 2, 2, 1, 0];

        var (_, weightGradients, biasGradients) = network.Gradients(x, labels);

        for (var l = 0; l < network.Layers.Count; l++)
        {
            AssertNumeric(network, x, labels, network.Layers[l].Weights, weightGradients[l]);
            AssertNumeric(network, x, labels, network.Layers[l].Bias, biasGradients[l]);
        }
    }

    [Fact]
    public void Training_twice_with_one_seed_gives_identical_weights()
    {
        var (train, validation) = Blobs(400, 3, seed: 1);
        var parameters = new MlpParams { Epochs = 15, Patience = 15, LearningRate = 0.01, BatchSize = 32 };

        var first = MlpTrainer.Train(train, validation, parameters, 12345, new Progress<double>()).Network;
        var second = MlpTrainer.Train(train, validation, parameters, 12345, new Progress<double>()).Network;
        var other = MlpTrainer.Train(train, validation, parameters, 54321, new Progress<double>()).Network;

        Assert.Equal(first.Layers[0].Weights, second.Layers[0].Weights);
        Assert.Equal(first.Layers[^1].Bias, second.Layers[^1].Bias);
        Assert.NotEqual(first.Layers[0].Weights, other.Layers[0].Weights);
    }

    [Fact]
    public void Early_stopping_keeps_the_weights_of_the_best_validation_epoch()
    {
        var (train, validation) = Blobs(60, 2, seed: 2, noise: 3.0);
        var parameters = new MlpParams { Layers = [new() { Units = 32 }], Epochs = 200, Patience = 4, LearningRate = 0.05, BatchSize = 8 };

        var (network, history) = MlpTrainer.Train(train, validation, parameters, 7, new Progress<double>());

        Assert.True(history.StoppedEarly);
        Assert.Equal(history.BestEpoch + parameters.Patience, history.ValidationLoss.Count);
        Assert.Equal(history.ValidationLoss.Min(), history.ValidationLoss[history.BestEpoch - 1]);
        var kept = MlpNetwork.Loss(network.Predict(validation.Values, validation.Rows), validation.Labels);
        Assert.Equal(history.ValidationLoss[history.BestEpoch - 1], kept, 12);
        Assert.True(history.ValidationLoss[^1] > kept);
    }

    [Fact]
    public void A_trained_network_separates_separable_classes_and_exposes_its_hidden_layer()
    {
        var (train, validation) = Blobs(300, 3, seed: 4);

        var (network, _) = MlpTrainer.Train(train, validation, new MlpParams { LearningRate = 0.02, Epochs = 60, Patience = 10 }, 1, new Progress<double>());

        var probabilities = network.Predict(validation.Values, validation.Rows);
        var correct = Enumerable.Range(0, validation.Rows).Count(r =>
            Enumerable.Range(0, 3).MaxBy(c => probabilities[(r * 3) + c]) == validation.Labels[r]);
        Assert.True(correct > 0.9 * validation.Rows, $"{correct} of {validation.Rows}");
        Assert.Equal(validation.Rows * 5, network.Hidden(validation.Values, validation.Rows).Length);
    }

    private static void AssertNumeric(MlpNetwork network, double[] x, int[] labels, double[] parameters, double[] analytic)
    {
        const double h = 1e-6;
        for (var i = 0; i < parameters.Length; i++)
        {
            var saved = parameters[i];
            parameters[i] = saved + h;
            var plus = network.Gradients(x, labels).Loss;
            parameters[i] = saved - h;
            var minus = network.Gradients(x, labels).Loss;
            parameters[i] = saved;
            var numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 + (1e-4 * Math.Abs(numeric)), $"parameter {i}: numeric {numeric}, analytic {analytic[i]}");
        }
    }

    /// <summary>Gaussian blobs, one per class, in 4 dimensions.</summary>
    private static (FeatureMatrix Train, FeatureMatrix Validation) Blobs(int rows, int classes, int seed, double noise = 0.5)
    {
        var random = new Random(seed);
        FeatureMatrix Make(int count)
        {
            var labels = Enumerable.Range(0, count).Select(i => i % classes).ToArray();
            var values = labels.SelectMany(l => Enumerable.Range(0, 4).Select(d => (d == l ? 2.0 : 0.0) + (noise * Gaussian(random)))).ToArray();
            var tracks = labels.Select((l, i) => new TrackIdentity($"u{l}", $"t{i}", $"Song {i}", "A")).ToArray();
            return new FeatureMatrix(["f0", "f1", "f2", "f3"], values, labels, Enumerable.Range(0, classes).Select(c => $"u{c}").ToArray(), tracks);
        }
        return (Make(rows), Make(rows / 3));
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
