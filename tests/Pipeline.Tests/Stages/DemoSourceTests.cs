using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Parameters;

namespace Pipeline.Tests.Stages;

public sealed class DemoSourceTests
{
    private static readonly Dictionary<string, UserParams> TwoUsers = new() { ["paulo"] = new(), ["amelia"] = new() };

    [Fact]
    public void Features_lie_in_their_real_ranges_with_skewed_speechiness_and_instrumentalness()
    {
        var table = DemoSource.Generate(12345, TwoUsers, new DemoParams { TracksPerUser = 1000 }, new Progress<double>());

        AssertRange(table, "danceability", 0, 1);
        AssertRange(table, "energy", 0, 1);
        AssertRange(table, "valence", 0, 1);
        AssertRange(table, "loudness", -60, 0);
        AssertRange(table, "tempo", 50, 220);
        AssertRange(table, "duration_ms", 30_000, 900_000);
        AssertRange(table, "key", -1, 11);
        Assert.All(table.Column("mode")!.Values, v => Assert.True(v is 0 or 1));
        Assert.All(table.Column("time_signature")!.Values, v => Assert.InRange(v, 3, 7));
        Assert.True(Median(table, "speechiness") < 0.1, "speechiness should be skewed towards 0");
        Assert.True(Median(table, "instrumentalness") < 0.05, "instrumentalness should be skewed towards 0");
        Assert.Equal(24, table.Features.Count(c => c.Name.StartsWith("timbre_", StringComparison.Ordinal) || c.Name.StartsWith("pitch_", StringComparison.Ordinal)));
        Assert.All(table.Column("duration_ms")!.Values, v => Assert.Equal(Math.Round(v), v));
    }

    [Fact]
    public void Some_songs_are_liked_by_more_than_one_person_and_titles_look_like_titles()
    {
        var table = DemoSource.Generate(12345, TwoUsers, new DemoParams(), new Progress<double>());

        var shared = table.TrackId.GroupBy(id => id).Count(g => g.Count() > 1);
        Assert.InRange(shared, 10, 80);
        Assert.All(table.Name, name => Assert.Matches(@"^\p{Lu}", name));
        Assert.All(table.TrackId, id => Assert.Matches("^[0-9A-Za-z]{22}$", id));
        Assert.Equal(table.TrackId.Length, table.Sorted().TrackId.Length);
    }

    [Fact]
    public void Tastes_overlap_a_simple_linear_score_separates_them_well_but_not_perfectly()
    {
        var table = DemoSource.Generate(12345, TwoUsers, new DemoParams { TracksPerUser = 2000 }, new Progress<double>());

        var auc = NaiveLinearAuc(table);

        Assert.InRange(auc, 0.72, 0.93);
    }

    [Fact]
    public void Four_people_each_get_their_own_songs()
    {
        var users = new Dictionary<string, UserParams> { ["a"] = new(), ["b"] = new() { Profile = "rap" }, ["c"] = new(), ["d"] = new() };

        var table = DemoSource.Generate(1, users, new DemoParams { TracksPerUser = 100 }, new Progress<double>());

        Assert.Equal(["a", "b", "c", "d"], table.User.Distinct());
        Assert.All(table.User.GroupBy(u => u), g => Assert.InRange(g.Count(), 90, 100));
    }

    [Fact]
    public void The_same_seed_gives_the_same_songs_and_another_seed_others()
    {
        var a = DemoSource.Generate(7, TwoUsers, new DemoParams { TracksPerUser = 50 }, new Progress<double>());
        var b = DemoSource.Generate(7, TwoUsers, new DemoParams { TracksPerUser = 50 }, new Progress<double>());
        var c = DemoSource.Generate(8, TwoUsers, new DemoParams { TracksPerUser = 50 }, new Progress<double>());

        Assert.Equal(a.TrackId, b.TrackId);
        Assert.Equal(a.Column("energy")!.Values, b.Column("energy")!.Values);
        Assert.NotEqual(a.TrackId, c.TrackId);
    }

    private static void AssertRange(TrackTable table, string column, double low, double high) =>
        Assert.All(table.Column(column)!.Values, v => Assert.InRange(v, low, high));

    private static double Median(TrackTable table, string column) => table.Column(column)!.Values.Order().ElementAt(table.RowCount / 2);

    /// <summary>AUC of a naive-Bayes-like linear score (standardized mean difference per feature), by Mann-Whitney.</summary>
    private static double NaiveLinearAuc(TrackTable table)
    {
        var positive = table.User.Select(u => u == "paulo").ToArray();
        var score = new double[table.RowCount];
        foreach (var column in table.Features.Where(c => !c.Integral))
        {
            var v = column.Values;
            var mean1 = v.Where((_, i) => positive[i]).Average();
            var mean0 = v.Where((_, i) => !positive[i]).Average();
            var sd = Math.Sqrt(v.Select(x => (x - v.Average()) * (x - v.Average())).Average()) + 1e-9;
            var weight = (mean1 - mean0) / (sd * sd);
            for (var i = 0; i < v.Length; i++)
            {
                score[i] += weight * v[i];
            }
        }
        var ranked = Enumerable.Range(0, score.Length).OrderBy(i => score[i]).ToArray();
        double rankSum = 0;
        for (var r = 0; r < ranked.Length; r++)
        {
            if (positive[ranked[r]])
            {
                rankSum += r + 1;
            }
        }
        double n1 = positive.Count(p => p), n0 = positive.Length - n1;
        return (rankSum - (n1 * (n1 + 1) / 2)) / (n1 * n0);
    }
}
