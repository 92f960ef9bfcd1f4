using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Train.Models;

namespace Pipeline.Tests.Extending;

/// <summary>The README's "Extending" example: a new model kind is one file; this copy of it compiles and trains.</summary>
public sealed class ExtendingTests
{
    [Fact]
    public void The_readme_example_is_this_file_word_for_word()
    {
        var readme = File.ReadAllText(Path.Combine(Harness.Repository.Root, "README.md"));
        var example = File.ReadAllText(Path.Combine(Harness.Repository.Root, "tests/Pipeline.Tests/Extending/SdcaModel.cs"));

        Assert.Contains("```csharp\n// stages/Stages/Train/Models/SdcaModel.cs\n" + example + "```", readme, StringComparison.Ordinal);
        Assert.Contains("public static IReadOnlyList<IModelKind> All { get; } = [new LogisticModel(), new MlpModel(), new ForestModel(), new LightGbmModel(), new SdcaModel()];", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_kind_fits_saves_and_loads_like_the_built_in_ones()
    {
        var random = new Random(1);
        var rows = 200;
        var values = Enumerable.Range(0, rows * 2).Select(_ => random.NextDouble() - 0.5).ToArray();
        var labels = Enumerable.Range(0, rows).Select(r => values[2 * r] + values[(2 * r) + 1] > 0 ? 1 : 0).ToArray();
        string[] classes = ["ana", "ben"];
        var matrix = new FeatureMatrix(["x0", "x1"], values, labels, classes, [.. labels.Select((l, r) => new TrackIdentity(classes[l], $"t{r}", "s", "a"))]);
        var folder = Directory.CreateTempSubdirectory("sdca-").FullName;

        var (model, history) = new SdcaModel().Fit(matrix, new TrainParams(), 1, matrix.FeatureNames, null);
        model.Save(folder);
        var loaded = new SdcaModel().Load(folder, 1);

        Assert.Null(history);
        Assert.Equal("sdca", model.Kind);
        Assert.Equal(model.Probabilities(matrix), loaded.Probabilities(matrix));
        Assert.True(Pipeline.Stages.Evaluate.ClassificationMetrics.Auc(labels, model.Probabilities(matrix), 2) > 0.9);
        Directory.Delete(folder, recursive: true);
    }
}
