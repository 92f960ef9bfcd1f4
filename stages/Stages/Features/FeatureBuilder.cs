using Pipeline.Stages.Data;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Features;

/// <summary>The Features stage: split, fit the preprocessing on train, write both matrices and the preprocessing.</summary>
public static class FeatureBuilder
{
    public const string TrainFile = "train.parquet";
    public const string TestFile = "test.parquet";

    /// <param name="outputs">Where the matrices and the preprocessing go: what Train, Evaluate and Embed load as a <see cref="FeatureSet"/>.</param>
    public static void Build(int seed, FeaturesParams parameters, string tracksPath, FeatureSet.Paths outputs, Action<string> log, Action<string> warn)
    {
        var (featuresDir, preprocessingPath) = (outputs.FeaturesFolder, outputs.PreprocessingFile);
        var tracks = TrackStore.Read(tracksPath);
        var dropped = MissingAudioFeatures(tracks, parameters);
        if (dropped.Count > 0)
        {
            var why = dropped.Contains("time_signature") ? " (ReccoBeats has no time_signature)" : "";
            warn($"the source gives no {string.Join(", ", dropped)}{why}: " +
                 $"dropped from features.numerical/categorical for this run (recorded in {Path.GetFileName(preprocessingPath)})");
            parameters = parameters with
            {
                Numerical = [.. parameters.Numerical.Except(dropped)],
                Categorical = [.. parameters.Categorical.Except(dropped)],
            };
        }
        CheckColumns(tracks, parameters);
        tracks = SharedTrackPolicy.Apply(tracks, parameters.SharedTracks, out var shared);
        if (shared > 0)
        {
            log($"{shared} songs are liked by more than one person: features.shared_tracks = {parameters.SharedTracks}");
        }
        var classes = CheckClasses(tracks, tracksPath);
        var (trainRows, testRows) = StratifiedSplit.Split(tracks.User, parameters.TestSize, seed, tracks.TrackId);
        var train = tracks.Take(trainRows);
        var test = tracks.Take(testRows);
        var preprocessing = PreprocessingFitter.Fit(train, parameters, classes) with { Dropped = dropped };
        Directory.CreateDirectory(featuresDir);
        Write(train, preprocessing, Path.Combine(featuresDir, TrainFile), "train", log);
        Write(test, preprocessing, Path.Combine(featuresDir, TestFile), "test", log);
        preprocessing.Save(preprocessingPath);
        log($"{preprocessing.FeatureNames.Count} features; {train.RowCount} training rows, {test.RowCount} test rows");
    }

    /// <summary>Audio features the params ask for that no row has: a source without them (not a typo, which stays an error).</summary>
    private static List<string> MissingAudioFeatures(TrackTable tracks, FeaturesParams parameters) =>
        [.. parameters.Numerical.Concat(parameters.Categorical).Where(n => AudioFeatures.All.Contains(n) && tracks.Column(n) is null).Distinct()];

    private static void CheckColumns(TrackTable tracks, FeaturesParams parameters)
    {
        var available = tracks.Features.Select(c => c.Name).ToList();
        foreach (var (param, names) in new[] { ("features.numerical", parameters.Numerical), ("features.categorical", parameters.Categorical) })
        {
            var unknown = names.Where(n => !available.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw BadInput.UnknownColumns(param, unknown, available);
            }
        }
    }

    private static List<string> CheckClasses(TrackTable tracks, string file)
    {
        var counts = tracks.User.GroupBy(u => u).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (User: g.Key, Rows: g.Count())).ToList();
        if (counts.Count < 2)
        {
            throw BadInput.TooFewUsers(file, counts.Select(c => c.User));
        }
        if (tracks.RowCount < counts.Count * 2)
        {
            throw BadInput.TooFewRows(file, tracks.RowCount, counts.Count);
        }
        var small = counts.FirstOrDefault(c => c.Rows < 2);
        if (small.User is not null)
        {
            throw BadInput.ClassTooSmall(file, small.User, small.Rows);
        }
        return counts.Select(c => c.User).ToList();
    }

    private static void Write(TrackTable rows, Preprocessing preprocessing, string path, string part, Action<string> log)
    {
        var matrix = preprocessing.Transform(rows, out var unknown);
        if (unknown > 0)
        {
            log($"{part}: {unknown} categorical values were not in the category list and were encoded as all zeros");
        }
        var columns = new List<(string, Array)>
        {
            (TrackColumns.User, rows.User), (TrackColumns.TrackId, rows.TrackId), (TrackColumns.Name, rows.Name), (TrackColumns.Artists, rows.Artists),
        };
        columns.AddRange(preprocessing.FeatureNames.Select((name, i) => (name, (Array)matrix[i])));
        ParquetTable.Write(path, columns);
    }
}
