using Pipeline.Stages.Data;
using Pipeline.Stages.Features;

namespace Pipeline.Stages.Embed;

/// <summary>
/// data/embedding/embedding.parquet, written by Embed and read by Report through this one type: the identity
/// <see cref="TrackColumns"/>, the split, the model's guess and its probability, the 2-D position, then the song as the
/// model sees it (v_0, v_1, ...).
/// </summary>
public static class EmbeddingTable
{
    public const string FileName = "embedding.parquet";
    public const string Train = "train";
    public const string Test = "test";

    private const string Split = "split";
    private const string PredictedUser = "predicted_user";
    private const string Probability = "probability";
    private const string X = "x";
    private const string Y = "y";
    private const string ViewPrefix = "v_";

    /// <param name="all">The training rows, then the test rows.</param>
    /// <param name="views">Row-major, <paramref name="width"/> values per song.</param>
    /// <param name="layout">x, y per song.</param>
    /// <param name="probabilities">Row-major, one per class per song.</param>
    public static void Write(string path, FeatureMatrix all, int trainRows, double[] views, int width, double[] layout, double[] probabilities)
    {
        var classes = all.Classes.Length;
        var rows = Enumerable.Range(0, all.Rows).ToArray();
        var predicted = rows.Select(r => Enumerable.Range(0, classes).MaxBy(c => probabilities[(r * classes) + c])).ToArray();
        var columns = new List<(string, Array)>
        {
            (TrackColumns.User, all.Tracks.Select(t => t.User).ToArray()),
            (TrackColumns.TrackId, all.Tracks.Select(t => t.TrackId).ToArray()),
            (TrackColumns.Name, all.Tracks.Select(t => t.Name).ToArray()),
            (TrackColumns.Artists, all.Tracks.Select(t => t.Artists).ToArray()),
            (Split, rows.Select(r => r < trainRows ? Train : Test).ToArray()),
            (PredictedUser, predicted.Select(p => all.Classes[p]).ToArray()),
            (Probability, predicted.Select((p, r) => probabilities[(r * classes) + p]).ToArray()),
            (X, rows.Select(r => layout[2 * r]).ToArray()),
            (Y, rows.Select(r => layout[(2 * r) + 1]).ToArray()),
        };
        for (var k = 0; k < width; k++)
        {
            columns.Add(($"{ViewPrefix}{k}", rows.Select(r => views[(r * width) + k]).ToArray()));
        }
        ParquetTable.Write(path, columns);
    }

    public static Embedding Read(string path)
    {
        var byName = ParquetTable.Read(path).ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        T[] Column<T>(string name) => byName.TryGetValue(name, out var values) && values is T[] typed
            ? typed : throw new InvalidDataException($"{path}: no {typeof(T).Name} column '{name}'");
        var (users, names, artists, predicted) = (Column<string>(TrackColumns.User), Column<string>(TrackColumns.Name), Column<string>(TrackColumns.Artists), Column<string>(PredictedUser));
        var (split, probability, x, y) = (Column<string>(Split), Column<double>(Probability), Column<double>(X), Column<double>(Y));
        var songs = users.Select((u, r) => new EmbeddedSong(names[r], artists[r], u, predicted[r], probability[r], split[r], x[r], y[r])).ToList();
        var width = byName.Keys.Count(k => k.StartsWith(ViewPrefix, StringComparison.Ordinal));
        var views = FeatureMatrix.RowMajor([.. Enumerable.Range(0, width).Select(k => Column<double>($"{ViewPrefix}{k}"))], songs.Count);
        return new Embedding(songs, views, width);
    }
}

/// <summary>What embedding.parquet holds: the songs on the map, and each song's view from inside the model (row-major).</summary>
public sealed record Embedding(IReadOnlyList<EmbeddedSong> Songs, double[] Views, int Width);

/// <summary>One song on the map: who liked it, whom the model picked and how surely, train or test, and where it sits.</summary>
public sealed record EmbeddedSong(string Name, string Artists, string User, string PredictedUser, double Probability, string Split, double X, double Y);
