using Pipeline.Engine.Cli;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train;
using Pipeline.Stages.Train.Models;

namespace Pipeline.Tests.Stages;

/// <summary>Intervals, noise, cross-validation and model choice on constructed data with a known answer.</summary>
public sealed class HonestNumbersTests
{
    /// <summary>Positives score N(1, 1), negatives N(0, 1): the true AUC is Phi(1 / sqrt 2).</summary>
    private const double TrueAuc = 0.76024993890652326;

    private static readonly string[] NonLinear = ["forest", "lightgbm", "mlp"];

    [Fact]
    public void The_bootstrap_interval_covers_the_true_auc_in_about_95_percent_of_repetitions()
    {
        const int Repetitions = 200;
        var covered = 0;
        for (var rep = 0; rep < Repetitions; rep++)
        {
            var (labels, probabilities) = Scores(new Random(rep), perClass: 100, separation: 1.0);
            var auc = Bootstrap.Intervals(labels, probabilities, 2, resamples: 300, seed: rep)[2];
            covered += auc.Low <= TrueAuc && TrueAuc <= auc.High ? 1 : 0;
        }

        // 95% nominal; with 200 repetitions, 88%-99% holds with overwhelming probability for a correct interval.
        Assert.InRange(covered / (double)Repetitions, 0.88, 0.99);
    }

    [Fact]
    public void The_intervals_are_the_same_on_every_run_with_the_same_seed()
    {
        var (labels, probabilities) = Scores(new Random(3), perClass: 80, separation: 1.0);

        Assert.Equal(Bootstrap.Intervals(labels, probabilities, 2, 500, 7), Bootstrap.Intervals(labels, probabilities, 2, 500, 7));
        Assert.NotEqual(Bootstrap.Intervals(labels, probabilities, 2, 500, 7), Bootstrap.Intervals(labels, probabilities, 2, 500, 8));
    }

    [Fact]
    public void Two_equally_good_models_differ_within_noise_and_a_real_gain_does_not()
    {
        // The same test songs scored by two equally good models (another seed) and by a clearly better one.
        var (labels, first) = Scores(new Random(1), perClass: 120, separation: 1.0);
        var (_, reseeded) = Scores(new Random(2), perClass: 120, separation: 1.0);
        var (_, better) = Scores(new Random(3), perClass: 120, separation: 3.0);

        Assert.True(WithinNoise(labels, first, reseeded));
        Assert.False(WithinNoise(labels, first, better));
    }

    [Fact]
    public void A_metric_without_intervals_on_both_sides_gets_no_verdict()
    {
        var rule = new NoiseRule(MetricsFlattener.Flatten("""{"auc": 0.8}""", "a"), MetricsFlattener.Flatten("""{"auc": 0.9, "auc_ci": [0.85, 0.95]}""", "b"));

        Assert.Null(rule.WithinNoise("auc"));
    }

    [Fact]
    public void Auto_picks_logistic_regression_for_a_linear_problem()
    {
        // Few songs, many features, every one of them counting a little, and some label noise: the shape a straight line fits best.
        var noise = new Random(50);
        var train = Matrix(new Random(5), 240, 20, x => x.Sum() + (2 * Gaussian(noise)) > 0);

        var scores = ModelKinds.Names.Select(t => CrossValidation.Run(t, train, new TrainParams(), 12345, train.FeatureNames, 5)).ToList();

        Assert.True(CrossValidation.Best(scores).Model == "logistic", string.Join(", ", scores.Select(s => $"{s.Model} {s.AucMean:0.000}")));
    }

    [Fact]
    public void Auto_picks_a_tree_model_or_the_mlp_for_an_xor_problem_and_never_logistic()
    {
        var train = Matrix(new Random(6), 600, 2, x => x[0] * x[1] > 0);

        var scores = ModelKinds.Names.Select(t => CrossValidation.Run(t, train, new TrainParams(), 12345, train.FeatureNames, 5)).ToList();

        Assert.Contains(CrossValidation.Best(scores).Model, NonLinear);
        Assert.True(scores.Single(s => s.Model == "logistic").AucMean < 0.65, "logistic regression cannot fit XOR");
    }

    [Fact]
    public void A_track_two_people_like_stays_on_one_side_of_the_split_and_in_one_fold()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "ana" : "ben").ToArray();
        // Rows 2k and 2k+1 are one track liked by both.
        var tracks = Enumerable.Range(0, 200).Select(i => $"t{i / 2}").ToArray();

        var (train, test) = StratifiedSplit.Split(labels, 0.25, 12345, tracks);
        var folds = StratifiedSplit.Folds(labels, 5, 12345, tracks);

        Assert.Empty(train.Select(r => tracks[r]).Intersect(test.Select(r => tracks[r])));
        Assert.All(Enumerable.Range(0, 100), t => Assert.Equal(folds[2 * t], folds[(2 * t) + 1]));
        Assert.Equal(5, folds.Distinct().Count());
        Assert.InRange(test.Length, 40, 60);
    }

    [Fact]
    public void Cross_validation_folds_are_stratified_by_person()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 70 ? "ana" : "ben").ToArray();

        var folds = StratifiedSplit.Folds(labels, 5, 1);

        Assert.All(Enumerable.Range(0, 5), k => Assert.Equal(14, Enumerable.Range(0, 70).Count(r => folds[r] == k)));
        Assert.All(Enumerable.Range(0, 5), k => Assert.Equal(6, Enumerable.Range(70, 30).Count(r => folds[r] == k)));
    }

    private static bool WithinNoise(int[] labels, double[] before, double[] after)
    {
        string Json(double[] p)
        {
            var auc = ClassificationMetrics.Auc(labels, p, 2);
            var ci = Bootstrap.Intervals(labels, p, 2, 1000, 12345)[2];
            return FormattableString.Invariant($$"""{"auc": {{auc}}, "auc_ci": [{{ci.Low}}, {{ci.High}}]}""");
        }
        var rule = new NoiseRule(MetricsFlattener.Flatten(Json(before), "before"), MetricsFlattener.Flatten(Json(after), "after"));
        return rule.WithinNoise("auc")!.Value;
    }

    /// <summary>Labels 0/1 and two-class probabilities: positives score N(separation, 1), negatives N(0, 1), through a logistic.</summary>
    private static (int[] Labels, double[] Probabilities) Scores(Random random, int perClass, double separation)
    {
        var labels = Enumerable.Range(0, 2 * perClass).Select(i => i % 2).ToArray();
        var probabilities = new double[labels.Length * 2];
        for (var i = 0; i < labels.Length; i++)
        {
            var score = Gaussian(random) + (labels[i] == 1 ? separation : 0);
            var p = 1 / (1 + Math.Exp(-score));
            (probabilities[2 * i], probabilities[(2 * i) + 1]) = (1 - p, p);
        }
        return (labels, probabilities);
    }

    private static FeatureMatrix Matrix(Random random, int rows, int columns, Func<double[], bool> positive)
    {
        var values = new double[rows * columns];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = Enumerable.Range(0, columns).Select(_ => Gaussian(random)).ToArray();
            x.CopyTo(values, r * columns);
            labels[r] = positive(x) ? 1 : 0;
        }
        string[] classes = ["ana", "ben"];
        return new FeatureMatrix([.. Enumerable.Range(0, columns).Select(c => $"x{c}")], values, labels, classes,
            [.. labels.Select((l, r) => new TrackIdentity(classes[l], $"t{r}", $"song {r}", "x"))]);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>The leakage guard and the new metrics through the real host.</summary>
public sealed class HonestNumbersPipelineTests : IDisposable
{
    private readonly Harness.SongWorkspace workspace = new(Harness.SongWorkspace.DemoParams(tracksPerUser: 300) + "features:\n  shared_tracks: keep\n");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void With_shared_songs_kept_no_track_is_both_trained_on_and_tested()
    {
        var run = workspace.Run("--target=Evaluate");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] Ids(string file) => (string[])Pipeline.Stages.Data.ParquetTable.Read(workspace.PathOf($"data/features/{file}")).Single(c => c.Name == "track_id").Values;
        var train = Ids("train.parquet");
        var test = Ids("test.parquet");
        Assert.True(train.Distinct().Count() < train.Length, "the demo has shared songs to keep: some track is in train twice");
        Assert.Empty(train.Intersect(test));
        var metrics = workspace.Read("reports/metrics.json");
        Assert.Contains("\"auc_ci\": [", metrics, StringComparison.Ordinal);
        Assert.Contains("\"cv\": {\n    \"folds\": 5,", metrics, StringComparison.Ordinal);
        Assert.Contains("5-fold cross-validated AUC", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train.cv_folds=1", "must be 0 (off) or between 2 and 20: one fold has nothing to test on")]
    [InlineData("train.cv_folds=0", "auto picks the trainer by cross-validation: set train.cv_folds to 2 or more")]
    public void Cross_validation_settings_that_cannot_work_are_refused(string set, string message)
    {
        var run = workspace.Run("--set", set, "--set", "train.model=auto", "--dryrun");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }
}
