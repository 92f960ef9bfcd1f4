using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>Predict on what users really have: a plain export, a stale model, a damaged model file, hostile titles.</summary>
public sealed class PredictBadInputTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 150));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_plain_13_feature_export_works_on_a_model_trained_with_timbre_and_says_what_was_filled_in()
    {
        Assert.Equal(0, workspace.Run("--target=Train").ExitCode);
        var input = workspace.Import("exportify-paulo.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Using the model in models/model (mlp", run.Out, StringComparison.Ordinal);
        Assert.Contains("warning: imports/exportify-paulo.csv has only the audio features; the model was also trained on 24 timbre and pitch means", run.Err, StringComparison.Ordinal);
        Assert.Contains("--set features.timbre=false", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", run.Out, StringComparison.Ordinal);
        Assert.Equal(9, File.ReadAllLines(workspace.PathOf("imports/exportify-paulo.predictions.csv")).Length);
    }

    [Fact]
    public void Top_limits_the_rows_on_the_terminal_and_the_file_keeps_them_all()
    {
        Assert.Equal(0, workspace.Run("--target=Train").ExitCode);
        var input = workspace.Import("exportify-paulo.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}", "--top=3");

        Assert.Equal(0, run.ExitCode);
        var table = run.Out.Split('\n').SkipWhile(l => !l.StartsWith("Track ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("Showed", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, table.Count);
        Assert.Contains("Showed 3 of 8 songs; all are in imports/exportify-paulo.predictions.csv", run.Out, StringComparison.Ordinal);
        Assert.Equal(9, File.ReadAllLines(workspace.PathOf("imports/exportify-paulo.predictions.csv")).Length);
    }

    [Fact]
    public void A_model_stale_against_params_yaml_is_warned_about()
    {
        Assert.Equal(0, workspace.Run("--target=Train").ExitCode);
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 150) + "train:\n  mlp:\n    epochs: 7\n");
        var input = workspace.Import("exportify-paulo.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: the model is stale against params.yaml (Train: params changed: train.mlp.epochs 100 -> 7)", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_model_file_is_an_error_naming_it_and_the_command_that_rebuilds_it()
    {
        Assert.Equal(0, workspace.Run("--target=Train").ExitCode);
        var model = workspace.PathOf("models/model/model.json");
        File.WriteAllText(model, File.ReadAllText(model)[..200]);
        var input = workspace.Import("exportify-paulo.csv");

        var run = workspace.Run("--target=Predict", $"--input={input}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("models/model/model.json: the model is damaged", run.Err, StringComparison.Ordinal);
        Assert.Contains("./build.sh --target=Train --force", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_blamed_on_the_input_flag()
    {
        Assert.Equal(0, workspace.Run("--target=Train").ExitCode);

        var run = workspace.Run("--target=Predict", "--input=nowhere.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nowhere.csv: not found (named by --input)", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_and_bidi_characters_in_titles_are_escaped_in_the_predict_table()
    {
        Assert.Equal(0, workspace.Run("--target=Train", "--set", "features.timbre=false").ExitCode);
        var csv = File.ReadAllText(SongWorkspace.Fixture("exportify-paulo.csv")).Replace("Iron Road", "Iron\u0007 \u202ERoad", StringComparison.Ordinal);
        workspace.Write("imports/odd.csv", csv);

        var run = workspace.Run("--target=Predict", "--input=imports/odd.csv", "--set", "features.timbre=false");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--set is not an option of Predict; Predict takes --input, --top and --verbosity", run.Err, StringComparison.Ordinal);
        var ok = workspace.Run("--target=Predict", "--input=imports/odd.csv");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("Iron<U+0007> <U+202E>Road", ok.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', ok.Out);
        Assert.DoesNotContain('\u0007', ok.Out);
    }
}
