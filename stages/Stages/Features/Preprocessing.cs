using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Stages.Data;

namespace Pipeline.Stages.Features;

/// <summary>
/// The fitted preprocessing, saved in models/ so Predict applies exactly what training saw: standardized
/// numerical columns (fit on the training split only) and one-hot categorical columns with a fixed category list.
/// </summary>
public sealed record Preprocessing
{
    public required IReadOnlyList<string> Classes { get; init; }
    public required IReadOnlyList<ScaledColumn> Numerical { get; init; }
    public required IReadOnlyList<OneHotColumn> Categorical { get; init; }

    /// <summary>Inputs params asked for that the source did not give (ReccoBeats: time_signature), left out.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<string> FeatureNames =>
        [.. Numerical.Select(n => n.Name), .. Categorical.SelectMany(c => c.Categories.Select(v => $"{c.Name}={v}"))];

    /// <summary>The feature matrix, column by column; <paramref name="unknown"/> counts categories never seen in training.</summary>
    public double[][] Transform(TrackTable table, out int unknown)
    {
        var columns = new List<double[]>();
        foreach (var n in Numerical)
        {
            var source = table.Column(n.Name)!.Values;
            columns.Add(source.Select(v => (v - n.Mean) / n.Scale).ToArray());
        }
        unknown = 0;
        foreach (var c in Categorical)
        {
            var source = table.Column(c.Name)!.Values;
            var hot = c.Categories.Select(_ => new double[table.RowCount]).ToArray();
            for (var row = 0; row < table.RowCount; row++)
            {
                var index = IndexOf(c.Categories, source[row]);
                if (index < 0)
                {
                    unknown++;
                }
                else
                {
                    hot[index][row] = 1;
                }
            }
            columns.AddRange(hot);
        }
        return [.. columns];
    }

    public void Save(string path) => StableJson.Write(path, this);

    public static Preprocessing Load(string path)
    {
        try
        {
            return StableJson.Read<Preprocessing>(path) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: damaged ({e.Message.Split('\n')[0]}); rebuild it with ./build.sh --target=Features --force");
        }
    }

    private static int IndexOf(IReadOnlyList<double> categories, double value)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}

public sealed record ScaledColumn(string Name, double Mean, double Scale);

public sealed record OneHotColumn(string Name, IReadOnlyList<double> Categories);
