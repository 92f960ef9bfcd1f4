using System.Security.Cryptography;
using Pipeline.Stages.Data;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages;

/// <summary>Fetch and Features through the real host, on the demo data.</summary>
public sealed class FetchFeaturesPipelineTests : IDisposable
{
    /// <summary>
    /// SHA-256 of data/raw/tracks.parquet for the default demo (seed 12345, paulo and amelia, 500 songs each).
    /// If this changes, the demo data changed for every user: say so in the change.
    /// </summary>
    private const string DemoTracksSha256 = "a359e0922f0483cd773047c43196e3ac6312cece7e83ec57a05c5afda4396167";

    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 500));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_default_demo_data_is_byte_identical_across_runs_and_machines()
    {
        Assert.Equal(0, workspace.Run("--target=Fetch").ExitCode);
        var first = workspace.Bytes("data/raw/tracks.parquet");
        Assert.Equal(0, workspace.Run("--target=Fetch", "--force").ExitCode);

        Assert.Equal(first, workspace.Bytes("data/raw/tracks.parquet"));
        Assert.Equal(DemoTracksSha256, Convert.ToHexStringLower(SHA256.HashData(first)));
    }

    [Fact]
    public void Features_writes_train_and_test_matrices_and_the_preprocessing_byte_identically()
    {
        var run = workspace.Run("--target=Features");
        var train = workspace.Bytes("data/features/train.parquet");
        var preprocessing = workspace.Bytes("models/preprocessing.json");
        workspace.Run("--target=Features", "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(train, workspace.Bytes("data/features/train.parquet"));
        Assert.Equal(preprocessing, workspace.Bytes("models/preprocessing.json"));
        var columns = ParquetTable.Read(workspace.PathOf("data/features/train.parquet")).Select(c => c.Name).ToList();
        Assert.Equal(["user", "track_id", "name", "artists", "danceability"], columns.Take(5));
        Assert.Contains("timbre_0", columns);
        Assert.Contains("time_signature=7", columns);
    }

    [Fact]
    public void Changing_a_features_param_reruns_features_only()
    {
        workspace.Run("--target=Features");

        var run = workspace.Run("--target=Features", "--set", "features.test_size=0.3");

        Assert.Equal("Skipped", run.Outcome("Fetch"));
        Assert.Equal("Ran", run.Outcome("Features"));
        Assert.Contains("features: running (params changed: features.test_size 0.25 -> 0.3)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_features_param_naming_a_column_the_data_lacks_lists_the_available_ones()
    {
        var run = workspace.Run("--target=Features", "--set", "features.numerical=[energy, loudnes]");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--set features.numerical=[energy, loudnes]: 'features.numerical': 'loudnes' is not an audio feature; the features are danceability, energy, key, loudness", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf("models/preprocessing.json")));
    }

    [Fact]
    public void Fewer_rows_than_two_per_person_is_an_error()
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 10));

        var run = workspace.Run("--target=Features", "--set", "features.shared_tracks=keep", "--set", "fetch.demo.taste=1");

        Assert.Equal(0, run.ExitCode);
        workspace.Write("params.yaml", "fetch:\n  source: csv\n  users: {}\n  csv: { file: imports/tiny.csv }\n");
        workspace.Write("imports/tiny.csv", "user,id,name,artists,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature\n"
            + "a,1,One,X,0.5,0.5,1,-5,1,0.05,0.5,0,0.1,0.5,120,200000,4\n"
            + "a,2,Two,X,0.5,0.5,1,-5,1,0.05,0.5,0,0.1,0.5,120,200000,4\n"
            + "b,3,Three,Y,0.5,0.5,1,-5,1,0.05,0.5,0,0.1,0.5,120,200000,4\n");

        var tiny = workspace.Run("--target=Features");

        Assert.Equal(2, tiny.ExitCode);
        Assert.Contains("3 rows is too few for 2 classes (need at least 4, two per class)", tiny.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_people_run_through_fetch_and_features()
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 100, users: "a: {}\n    b: {}\n    c: {}\n    d: {}"));

        var run = workspace.Run("--target=Features");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"d\"", File.ReadAllText(workspace.PathOf("models/preprocessing.json")), StringComparison.Ordinal);
    }
}
