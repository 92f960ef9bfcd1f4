using System.Text.Json;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages;

/// <summary>Train, Evaluate and Predict through the real host on the demo data.</summary>
public sealed class TrainEvaluateTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 500));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Evaluate_writes_metrics_with_the_documented_keys_in_order_byte_identically()
    {
        var run = workspace.Run("--target=Evaluate");
        var metrics = workspace.Bytes("reports/metrics.json");
        var model = workspace.Bytes("models/model/model.json");
        workspace.Run("--target=Evaluate", "--force");
        workspace.Run("--target=Train", "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(metrics, workspace.Bytes("reports/metrics.json"));
        Assert.Equal(model, workspace.Bytes("models/model/model.json"));
        using var json = JsonDocument.Parse(metrics);
        Assert.Equal(["accuracy", "accuracy_ci", "f1_macro", "f1_macro_ci", "auc", "auc_ci", "log_loss", "log_loss_ci", "baseline_accuracy",
                "confusion_matrix", "per_user", "feature_importance", "cv", "model", "rows"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.InRange(json.RootElement.GetProperty("auc").GetDouble(), 0.75, 0.92);
        Assert.Equal(0.5, json.RootElement.GetProperty("baseline_accuracy").GetDouble(), 1);
        Assert.Equal(["amelia", "paulo"], json.RootElement.GetProperty("confusion_matrix").GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("mlp", json.RootElement.GetProperty("model").GetString());
        var predictions = File.ReadAllLines(workspace.PathOf("reports/predictions.csv"));
        Assert.Equal("track_id,name,artists,true_user,predicted_user,p_amelia,p_paulo", predictions[0]);
    }

    [Fact]
    public void The_default_mlp_is_not_worse_than_logistic_regression_by_more_than_two_points_of_auc()
    {
        workspace.Run("--target=Evaluate");
        var mlp = Auc();
        workspace.Run("--target=Evaluate", "--set", "train.model=logistic");

        Assert.True(mlp >= Auc() - 0.02, $"mlp {mlp}, logistic {Auc()}");
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("forest")]
    [InlineData("logistic")]
    public void The_ml_net_models_repeat_exactly_with_a_seed_down_to_the_model_bytes(string model)
    {
        workspace.Run("--target=Evaluate", "--set", $"train.model={model}");
        var first = File.ReadAllText(workspace.PathOf("reports/predictions.csv"));
        var zip = workspace.Bytes("models/model/model.zip");

        var again = workspace.Run("--target=Evaluate", "--force", "--set", $"train.model={model}");
        workspace.Run("--target=Train", "--force", "--set", $"train.model={model}");
        workspace.Run("--target=Evaluate", "--set", $"train.model={model}");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first, File.ReadAllText(workspace.PathOf("reports/predictions.csv")));
        Assert.Equal(zip, workspace.Bytes("models/model/model.zip"));
        Assert.InRange(Auc(), 0.7, 0.95);
    }

    [Fact]
    public void Four_people_get_one_vs_rest_metrics()
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 200, users: "a: {}\n    b: {}\n    c: {}\n    d: {}"));

        var run = workspace.Run("--target=Evaluate");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(workspace.Bytes("reports/metrics.json"));
        Assert.Equal(4, json.RootElement.GetProperty("per_user").EnumerateObject().Count());
        Assert.InRange(json.RootElement.GetProperty("auc").GetDouble(), 0.6, 0.95);
        Assert.InRange(json.RootElement.GetProperty("baseline_accuracy").GetDouble(), 0.2, 0.3);
    }

    [Theory]
    [InlineData("train.mlp.layers=[{units: 0}]", "--set train.mlp.layers=[{units: 0}]: 'train.mlp.layers[0].units': must be between 1 and 4,096")]
    [InlineData("train.mlp.layers=[{units: 5, activation: swish}]", "--set train.mlp.layers=[{units: 5, activation: swish}]: 'train.mlp.layers[0].activation': must be relu, tanh, sigmoid or linear")]
    [InlineData("train.mlp.learning_rate=0", "--set train.mlp.learning_rate=0: 'train.mlp.learning_rate': must be greater than 0 and at most 10")]
    [InlineData("train.mlp.learning_rate=100", "'train.mlp.learning_rate': must be greater than 0 and at most 10")]
    [InlineData("train.mlp.batch_size=0", "'train.mlp.batch_size': must be between 1 and 1,000,000")]
    [InlineData("train.mlp.patience=0", "'train.mlp.patience': must be between 1 and 100,000")]
    [InlineData("train.mlp.epochs=1000000", "--set train.mlp.epochs=1000000: 'train.mlp.epochs': must be between 1 and 100,000")]
    [InlineData("train.mlp.epochs=99999999999", "--set train.mlp.epochs=99999999999: '99999999999' is too large for a whole number; it must be between 1 and 100,000")]
    [InlineData("train.mlp.epochs=abc", "--set train.mlp.epochs=abc: 'abc' is not a whole number; it must be between 1 and 100,000")]
    [InlineData("seed=", "--set seed=: no value after '='")]
    [InlineData("train.mlp.layers=[{units: 100000}]", "'train.mlp.layers[0].units': must be between 1 and 4,096 (wider layers do not fit")]
    [InlineData("train.model=svm", "'train.model': must be logistic, mlp, forest, lightgbm or auto")]
    public void Bad_train_params_stop_before_any_training(string assignment, string expected)
    {
        var run = workspace.Run("--target=Train", "--set", assignment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("data")));
    }

    [Fact]
    public void A_bad_param_in_the_file_names_its_line()
    {
        workspace.Write("params.yaml", "train:\n  mlp:\n    layers:\n      - { units: 5, activation: relu }\n      - { units: -2 }\n");

        var run = workspace.Run("--target=Train");

        Assert.Contains("params.yaml:5:18: 'train.mlp.layers[1].units': must be between 1 and 4,096", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_reads_odd_column_spellings_and_writes_probabilities_beside_the_input()
    {
        workspace.Run("--target=Evaluate", "--set", "features.timbre=false");
        var input = workspace.Import("dotted-lewis.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Track", run.Out, StringComparison.Ordinal);
        Assert.Contains("Mañana, Mañana", run.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(workspace.PathOf("imports/dotted-lewis.predictions.csv"));
        Assert.Equal("track_id,name,artists,predicted_user,p_amelia,p_paulo", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("D00abcdefghijklmnopqrs,Iron Road,Iron Hollow,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_on_a_file_missing_feature_columns_names_them()
    {
        workspace.Run("--target=Evaluate", "--set", "features.timbre=false");
        var input = workspace.Import("missing-columns.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("imports/missing-columns.csv: missing required columns: speechiness, acousticness, instrumentalness, liveness, valence, tempo, duration_ms, key, mode, time_signature", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_before_training_says_to_train_first()
    {
        var input = workspace.Import("dotted-lewis.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("run ./build.sh --target=Train first", run.Err, StringComparison.Ordinal);
    }

    private double Auc()
    {
        using var json = JsonDocument.Parse(workspace.Bytes("reports/metrics.json"));
        return json.RootElement.GetProperty("auc").GetDouble();
    }
}
