using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Features;

/// <summary>Fits the preprocessing on the training rows only.</summary>
public static class PreprocessingFitter
{
    /// <summary>Spotify's own value sets, so a category missing from training still gets its column.</summary>
    private static readonly Dictionary<string, double[]> KnownCategories = new(StringComparer.Ordinal)
    {
        ["key"] = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        ["mode"] = [0, 1],
        ["time_signature"] = [3, 4, 5, 6, 7],
    };

    public static Preprocessing Fit(TrackTable train, FeaturesParams parameters, IReadOnlyList<string> classes)
    {
        var numerical = parameters.Numerical.ToList();
        if (parameters.Timbre && AudioFeatures.TimbreAndPitch.All(c => train.Column(c) is not null))
        {
            numerical.AddRange(AudioFeatures.TimbreAndPitch.Where(c => !numerical.Contains(c)));
        }
        return new Preprocessing
        {
            Classes = classes,
            Numerical = numerical.Select(name => Scale(train.Column(name)!, parameters.Normalize)).ToList(),
            Categorical = parameters.Categorical.Select(name => new OneHotColumn(name,
                KnownCategories.TryGetValue(name, out var known) ? known : train.Column(name)!.Values.Distinct().Order().ToArray())).ToList(),
        };
    }

    private static ScaledColumn Scale(NumericColumn column, bool normalize)
    {
        if (!normalize)
        {
            return new ScaledColumn(column.Name, 0, 1);
        }
        var mean = column.Values.Average();
        var sd = Math.Sqrt(column.Values.Sum(v => (v - mean) * (v - mean)) / column.Values.Length);
        return new ScaledColumn(column.Name, mean, sd > 1e-12 ? sd : 1);
    }
}
