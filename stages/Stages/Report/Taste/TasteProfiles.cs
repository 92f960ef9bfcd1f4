using Pipeline.Stages.Data;

namespace Pipeline.Stages.Report.Taste;

/// <summary>
/// Each person's liked songs as audio features (the raw values, before any scaling): what the taste profile
/// figures draw, and what the report's sentences about differences are computed from.
/// </summary>
public sealed class TasteProfiles
{
    /// <summary>A difference is worth saying when the means are this many pooled standard deviations apart.</summary>
    public const double Noticeable = 0.3;

    private readonly double[][][] values;
    private readonly double[] spread;
    private readonly double[][] medians;

    private TasteProfiles(IReadOnlyList<string> people, IReadOnlyList<TasteFeature> features, double[][][] values)
    {
        People = people;
        Features = features;
        this.values = values;
        spread = features.Select((_, f) => PooledSpread(values.Select(p => p[f]).ToList())).ToArray();
        medians = values.Select(p => p.Select(MedianOf).ToArray()).ToArray();
    }

    public IReadOnlyList<string> People { get; }

    /// <summary>The taste features the source has, in <see cref="TasteFeature.All"/>'s order.</summary>
    public IReadOnlyList<TasteFeature> Features { get; }

    public static TasteProfiles From(TrackTable tracks)
    {
        var people = tracks.User.Distinct().Order(StringComparer.Ordinal).ToList();
        var features = TasteFeature.All.Where(f => tracks.Column(f.Name) is not null).ToList();
        var rowsOf = people.Select(p => Enumerable.Range(0, tracks.RowCount).Where(r => tracks.User[r] == p).ToArray()).ToList();
        var values = rowsOf.Select(rows => features.Select(f =>
        {
            var column = tracks.Column(f.Name)!.Values;
            return rows.Select(r => column[r]).ToArray();
        }).ToArray()).ToArray();
        return new TasteProfiles(people, features, values);
    }

    public IReadOnlyList<double> Values(int person, int feature) => values[person][feature];

    public double Mean(int person, int feature) => values[person][feature].Length == 0 ? double.NaN : values[person][feature].Average();

    /// <summary>The person's typical value: the median, which a few far songs do not drag (instrumentalness is mostly 0 with a long tail).</summary>
    public double Median(int person, int feature) => medians[person][feature];

    private static double MedianOf(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The feature's within-person standard deviation, pooled over everyone: the unit differences are measured in.</summary>
    public double Spread(int feature) => spread[feature];

    /// <summary>
    /// How <paramref name="person"/>'s songs differ from <paramref name="other"/>'s (or, when null, from everyone
    /// else's): the noticeable differences, largest first.
    /// </summary>
    public IReadOnlyList<Difference> Differences(string person, string? other, int count = 3)
    {
        var me = Index(person);
        var them = other is null ? Enumerable.Range(0, People.Count).Where(p => p != me).ToList() : [Index(other)];
        var differences = new List<Difference>();
        for (var f = 0; f < Features.Count; f++)
        {
            var mine = values[me][f];
            var theirs = them.SelectMany(p => values[p][f]).ToArray();
            var sd = PooledSpread([mine, theirs]);
            if (mine.Length == 0 || theirs.Length == 0 || sd <= 0)
            {
                continue;
            }
            var effect = (mine.Average() - theirs.Average()) / sd;
            if (Math.Abs(effect) >= Noticeable)
            {
                differences.Add(new Difference(Features[f], mine.Average(), theirs.Average(), effect));
            }
        }
        return differences.OrderByDescending(d => Math.Abs(d.Effect)).ThenBy(d => d.Feature.Name, StringComparer.Ordinal).Take(count).ToList();
    }

    public int Index(string person)
    {
        var index = People.ToList().IndexOf(person);
        return index >= 0 ? index : throw new ArgumentException($"no songs of '{person}' in the taste profiles", nameof(person));
    }

    private static double PooledSpread(IReadOnlyList<double[]> groups)
    {
        double squares = 0;
        var degrees = 0;
        foreach (var group in groups.Where(g => g.Length > 1))
        {
            var mean = group.Average();
            squares += group.Sum(v => (v - mean) * (v - mean));
            degrees += group.Length - 1;
        }
        return degrees == 0 ? 0 : Math.Sqrt(squares / degrees);
    }
}

/// <summary>One feature's means for a person and for whom they are compared with, and the gap in pooled standard deviations.</summary>
public sealed record Difference(TasteFeature Feature, double Mine, double Theirs, double Effect)
{
    public string Phrase => $"{(Effect > 0 ? Feature.More : Feature.Less)} ({Feature.Versus(Mine, Theirs)})";
}
