using Pipeline.Engine.Errors;
using Pipeline.Engine.Sweeps;

namespace Pipeline.Tests.Sweeps;

/// <summary>The points a sweep's command line and file give: values split as Hydra's sweep syntax, the grid crossed in order, limits refused.</summary>
public sealed class SweepGridTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sweep-grid").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("0.1,0.01", new[] { "0.1", "0.01" })]
    [InlineData("[16],[32, 16]", new[] { "[16]", "[32, 16]" })]
    [InlineData("[{units: 5}],[{units: 8, activation: tanh}]", new[] { "[{units: 5}]", "[{units: 8, activation: tanh}]" })]
    [InlineData("{a: 1, b: 2},{a: 3}", new[] { "{a: 1, b: 2}", "{a: 3}" })]
    [InlineData("'a,b',c", new[] { "'a,b'", "c" })]
    [InlineData("range(1,4)", new[] { "1", "2", "3" })]
    [InlineData("range(0,1,0.25)", new[] { "0", "0.25", "0.5", "0.75" })]
    [InlineData("range(10,0,-5)", new[] { "10", "5" })]
    [InlineData("mlp,range(1,3)", new[] { "mlp", "1", "2" })]
    public void Values_split_on_commas_outside_brackets_and_quotes(string text, string[] expected) =>
        Assert.Equal(expected, SweepValues.Split(text, "--set k=" + text));

    [Theory]
    [InlineData("1,,2", "an empty value")]
    [InlineData("[1,2", "not closed")]
    [InlineData("range(1,x)", "'x' is not a number")]
    [InlineData("range(1)", "write range(start,stop[,step])")]
    [InlineData("range(5,1)", "gives no value")]
    public void A_bad_value_list_names_the_flag(string text, string message)
    {
        var error = Assert.Throws<PipelineException>(() => SweepValues.Split(text, "--set train.x=" + text));
        Assert.StartsWith("--set train.x=" + text, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadUsage, error.ExitCode);
    }

    [Fact]
    public void The_grid_is_the_cartesian_product_in_the_order_given()
    {
        var points = SweepGrid.From(["train.mlp.learning_rate=0.01,0.003,0.001", "train.model=mlp,lightgbm"], null, root);

        Assert.Equal(6, points.Count);
        Assert.Equal(Enumerable.Range(0, 6), points.Select(p => p.Index));
        Assert.Equal("train.mlp.learning_rate=0.01 train.model=mlp", points[0].Label);
        Assert.Equal("train.mlp.learning_rate=0.01 train.model=lightgbm", points[1].Label);
        Assert.Equal("train.mlp.learning_rate=0.001 train.model=lightgbm", points[5].Label);
    }

    [Fact]
    public void A_file_gives_a_grid_crossed_with_the_set_axes_or_a_list_of_points()
    {
        File.WriteAllText(Path.Combine(root, "grid.yaml"), "grid:\n  train.mlp.layers: [[{units: 5}], [{units: 16}, {units: 8}]]\n  train.mlp.epochs: [10, 20]\n");
        File.WriteAllText(Path.Combine(root, "points.yaml"), "points:\n  - {train.model: mlp, train.mlp.epochs: 5}\n  - {train.model: logistic}\n");

        var grid = SweepGrid.From(["seed=1,2"], "grid.yaml", root);
        var list = SweepGrid.From(["seed=1,2"], "points.yaml", root);

        Assert.Equal(8, grid.Count);
        Assert.Equal("train.mlp.layers=[{units: 16}, {units: 8}] train.mlp.epochs=10 seed=1", grid[4].Label);
        Assert.Equal(["train.model=mlp train.mlp.epochs=5 seed=1", "train.model=mlp train.mlp.epochs=5 seed=2",
            "train.model=logistic seed=1", "train.model=logistic seed=2"], list.Select(p => p.Label));
    }

    [Fact]
    public void More_than_a_thousand_points_is_refused_with_the_count()
    {
        var error = Assert.Throws<PipelineException>(() => SweepGrid.From(["a=range(0,50)", "b=range(0,21)"], null, root));

        Assert.Contains("1,050 points; at most 1,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadUsage, error.ExitCode);
    }

    [Theory]
    [InlineData("train.model=", "--set train.model=: no values after '='")]
    [InlineData("train.model", "--set train.model: write KEY=VALUE")]
    public void An_axis_without_values_names_its_flag(string axis, string message) =>
        Assert.StartsWith(message, Assert.Throws<PipelineException>(() => SweepGrid.From([axis], null, root)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_key_swept_twice_or_a_bad_file_is_named()
    {
        File.WriteAllText(Path.Combine(root, "bad.yaml"), "grid:\n  seed: [1, 2\n");
        File.WriteAllText(Path.Combine(root, "other.yaml"), "axes:\n  seed: [1]\n");

        Assert.Contains("seed is swept twice", Assert.Throws<PipelineException>(() => SweepGrid.From(["seed=1", "seed=2"], null, root)).Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:", Assert.Throws<PipelineException>(() => SweepGrid.From([], "bad.yaml", root)).Message, StringComparison.Ordinal);
        Assert.StartsWith("other.yaml:1:1: give 'grid:'", Assert.Throws<PipelineException>(() => SweepGrid.From([], "other.yaml", root)).Message, StringComparison.Ordinal);
        Assert.Equal("--sweep missing.yaml: no such file", Assert.Throws<PipelineException>(() => SweepGrid.From([], "missing.yaml", root)).Message);
    }
}
