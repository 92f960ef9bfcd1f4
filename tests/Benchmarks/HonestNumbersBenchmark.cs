namespace Pipeline.Benchmarks;

/// <summary>The cost of honest numbers: Train with 5-fold cross-validation (the MLP, and auto over all four trainers) and Evaluate with 1,000 bootstrap resamples.</summary>
internal static class HonestNumbersBenchmark
{
    public static void Run(string host, IEnumerable<int> sizes, Action<string, string, string> print)
    {
        (string Name, string Set)[] trainings = [("mlp, cv off", "train.cv_folds=0"), ("mlp, 5-fold cv", "train.cv_folds=5"), ("auto, 5-fold cv of 4 trainers", "train.model=auto")];
        int[] resampleCounts = [0, 1000];
        foreach (var songs in sizes)
        {
            DemoWorkspace.With("bench-honest-", songs, workspace =>
            {
                Measure.Run(workspace, host, "--target=Features");
                var label = $"{songs:N0} demo songs";
                foreach (var (name, set) in trainings)
                {
                    var train = Measure.Run(workspace, host, "--target=Train", "--set", set, "--force");
                    print($"Train ({name}), {label}", $"{Measure.StageSeconds(train.Output, "Train"):0.00} s", $"peak {train.PeakKb / 1024.0:0} MiB");
                }
                Measure.Run(workspace, host, "--target=Train", "--force");
                foreach (var resamples in resampleCounts)
                {
                    var evaluate = Measure.Run(workspace, host, "--target=Evaluate", "--set", $"evaluate.bootstrap={resamples}", "--force");
                    print($"Evaluate ({resamples:N0} bootstrap resamples), {label}", $"{Measure.StageSeconds(evaluate.Output, "Evaluate"):0.00} s",
                        resamples == 0 ? "no intervals" : "95% intervals on 4 metrics");
                }
            });
        }
    }
}
