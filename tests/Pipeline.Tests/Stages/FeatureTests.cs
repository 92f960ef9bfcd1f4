using Pipeline.Stages.Data;
using Pipeline.Stages.Features;
using Pipeline.Stages.Parameters;

namespace Pipeline.Tests.Stages;

public sealed class FeatureTests
{
    [Fact]
    public void The_split_is_stratified_seeded_and_disjoint()
    {
        var labels = Enumerable.Repeat("a", 300).Concat(Enumerable.Repeat("b", 100)).ToArray();

        var (train, test) = StratifiedSplit.Split(labels, 0.25, 12345);
        var again = StratifiedSplit.Split(labels, 0.25, 12345);
        var other = StratifiedSplit.Split(labels, 0.25, 1);

        Assert.Equal(75, test.Count(i => labels[i] == "a"));
        Assert.Equal(25, test.Count(i => labels[i] == "b"));
        Assert.Empty(train.Intersect(test));
        Assert.Equal(400, train.Length + test.Length);
        Assert.Equal(test, again.Test);
        Assert.NotEqual(test, other.Test);
    }

    [Fact]
    public void Standardization_is_fit_on_train_only_and_categories_are_one_hot_with_a_fixed_list()
    {
        var train = Table(["a", "b", "a", "b"], energy: [1, 2, 3, 4], key: [0, 1, 0, 11]);
        var test = Table(["a", "b"], energy: [10, 2.5], key: [5, 99]);
        var parameters = new FeaturesParams { Numerical = ["energy"], Categorical = ["key"] };

        var preprocessing = PreprocessingFitter.Fit(train, parameters, ["a", "b"]);
        var trainMatrix = preprocessing.Transform(train, out _);
        var testMatrix = preprocessing.Transform(test, out var unknown);

        Assert.Equal(2.5, preprocessing.Numerical[0].Mean, 12);
        Assert.Equal(0, trainMatrix[0].Average(), 12);
        Assert.Equal(1, Math.Sqrt(trainMatrix[0].Select(v => v * v).Average()), 12);
        Assert.Equal((10 - 2.5) / Math.Sqrt(1.25), testMatrix[0][0], 12);
        Assert.Equal(14, preprocessing.FeatureNames.Count);
        Assert.Equal("key=-1", preprocessing.FeatureNames[1]);
        Assert.Equal(1, testMatrix[preprocessing.FeatureNames.ToList().IndexOf("key=5")][0]);
        Assert.Equal(1, unknown);
        Assert.All(testMatrix.Skip(1), column => Assert.Equal(0, column[1]));
    }

    [Fact]
    public void Normalize_false_leaves_numbers_as_they_are()
    {
        var train = Table(["a", "b"], energy: [1, 2], key: [0, 1]);

        var preprocessing = PreprocessingFitter.Fit(train, new FeaturesParams { Numerical = ["energy"], Categorical = [], Normalize = false }, ["a", "b"]);

        Assert.Equal([1.0, 2.0], preprocessing.Transform(train, out _)[0]);
    }

    [Fact]
    public void The_saved_preprocessing_reloads_to_the_same_transform()
    {
        var train = Table(["a", "b", "a"], energy: [1, 2, 7], key: [0, 1, 3]);
        var preprocessing = PreprocessingFitter.Fit(train, new FeaturesParams { Numerical = ["energy"], Categorical = ["key"] }, ["a", "b"]);
        var file = Path.GetTempFileName();

        preprocessing.Save(file);
        var reloaded = Preprocessing.Load(file);
        File.Delete(file);

        Assert.Equal(preprocessing.FeatureNames, reloaded.FeatureNames);
        Assert.Equal(preprocessing.Transform(train, out _), reloaded.Transform(train, out _));
    }

    [Theory]
    [InlineData("drop", 2, "a,b")]
    [InlineData("keep", 4, "a,a,b,b")]
    [InlineData("combine", 3, "a,a+b,b")]
    public void Songs_several_people_like_follow_the_policy(string policy, int rows, string users)
    {
        var table = new TrackTable(["a", "a", "b", "b"], ["s1", "x", "s1", "y"], ["S", "X", "S", "Y"], ["", "", "", ""],
            [new NumericColumn("energy", [1, 2, 1, 3], false)]);

        var result = SharedTrackPolicy.Apply(table, policy, out var shared);

        Assert.Equal(1, shared);
        Assert.Equal(rows, result.RowCount);
        Assert.Equal(users, string.Join(",", result.User.Order(StringComparer.Ordinal)));
    }

    private static TrackTable Table(string[] users, double[] energy, double[] key) => new(
        users, users.Select((_, i) => $"id{i}").ToArray(), users.Select((_, i) => $"Song {i}").ToArray(), users.Select(_ => "Artist").ToArray(),
        [new NumericColumn("energy", energy, false), new NumericColumn("key", key, true)]);
}
