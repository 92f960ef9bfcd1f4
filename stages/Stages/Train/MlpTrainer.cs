using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Train;

/// <summary>
/// Trains the MLP as the original project did with Keras: Adam, mini-batches, shuffled each epoch (seeded),
/// early stopping on validation loss with patience, and the best epoch's weights restored.
/// </summary>
public static class MlpTrainer
{
    public static (MlpNetwork Network, TrainingHistory History) Train(FeatureMatrix train, FeatureMatrix validation, MlpParams parameters, int seed,
        IProgress<double> progress)
    {
        var random = new Random(seed);
        var hidden = parameters.Layers.Select(l => (l.Units, ActivationMath.Parse(l.Activation))).ToList();
        var network = MlpNetwork.Create(train.Columns, hidden, train.Classes.Length, random);
        var optimizer = new AdamOptimizer(network, parameters.LearningRate);
        var order = Enumerable.Range(0, train.Rows).ToArray();
        var batch = new double[Math.Min(parameters.BatchSize, train.Rows) * train.Columns];
        var labels = new int[Math.Min(parameters.BatchSize, train.Rows)];
        var (trainLosses, validationLosses) = (new List<double>(), new List<double>());
        var best = (Loss: double.PositiveInfinity, Epoch: 0, Network: network.Copy());
        var stoppedEarly = false;
        for (var epoch = 1; epoch <= parameters.Epochs; epoch++)
        {
            random.Shuffle(order);
            double lossSum = 0;
            for (var start = 0; start < train.Rows; start += parameters.BatchSize)
            {
                var size = Math.Min(parameters.BatchSize, train.Rows - start);
                for (var i = 0; i < size; i++)
                {
                    train.Row(order[start + i]).CopyTo(batch.AsSpan(i * train.Columns, train.Columns));
                    labels[i] = train.Labels[order[start + i]];
                }
                var (loss, dW, dB) = network.Gradients(batch.AsSpan(0, size * train.Columns), labels.AsSpan(0, size));
                optimizer.Step(dW, dB);
                lossSum += loss * size;
            }
            trainLosses.Add(lossSum / train.Rows);
            var validationLoss = MlpNetwork.Loss(network.Predict(validation.Values, validation.Rows), validation.Labels);
            validationLosses.Add(validationLoss);
            progress.Report(epoch / (double)parameters.Epochs);
            if (validationLoss < best.Loss)
            {
                best = (validationLoss, epoch, network.Copy());
            }
            else if (epoch - best.Epoch >= parameters.Patience)
            {
                stoppedEarly = true;
                break;
            }
        }
        progress.Report(1);
        return (best.Network, new TrainingHistory(trainLosses, validationLosses, best.Epoch, stoppedEarly));
    }
}
