namespace Pipeline.Stages.Train;

/// <summary>Loss per epoch on the training rows and on the held-out validation rows, and the epoch whose weights were kept.</summary>
public sealed record TrainingHistory(IReadOnlyList<double> TrainLoss, IReadOnlyList<double> ValidationLoss, int BestEpoch, bool StoppedEarly);
