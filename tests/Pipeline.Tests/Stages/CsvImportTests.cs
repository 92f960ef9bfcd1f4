using Pipeline.Stages.Data;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages;

/// <summary>The csv source on exports of our own making, through the real Fetch stage.</summary>
public sealed class CsvImportTests : IDisposable
{
    private SongWorkspace? workspace;

    public void Dispose() => workspace?.Dispose();

    [Fact]
    public void Exports_with_different_spellings_line_endings_bom_and_quotes_import_alike()
    {
        var result = FetchCsv(("paulo", "exportify-paulo.csv"), ("amelia", "kaggle-amelia.csv"), ("lewis", "dotted-lewis.csv"));

        Assert.Equal(0, result.ExitCode);
        var tracks = TrackStore.Read(workspace!.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(24, tracks.RowCount);
        Assert.Equal(["amelia", "lewis", "paulo"], tracks.User.Distinct());
        var thunder = Array.IndexOf(tracks.Name, "Thunder, Steel & Fire");
        Assert.Equal("R01abcdefghijklmnopqrs", tracks.TrackId[thunder]);
        Assert.Equal("The Rust Kings", tracks.Artists[thunder]);
        Assert.Contains("\"Black\" Machine", tracks.Name);
        Assert.Contains("こんにちは世界", tracks.Name);
        Assert.Contains("Zoë Ånström", tracks.Artists);
        Assert.Contains("D01abcdefghijklmnopqrs", tracks.TrackId);
        Assert.Equal(13, tracks.Features.Count);
        Assert.Equal(0.738, tracks.Column("energy")!.Values[Array.IndexOf(tracks.TrackId, "R00abcdefghijklmnopqrs")]);
    }

    [Fact]
    public void One_file_with_a_label_column_splits_into_people()
    {
        workspace = new SongWorkspace("fetch:\n  source: csv\n  users: {}\n  csv: { file: imports/all-labelled.csv, label_column: listener }\n");
        workspace.Import("all-labelled.csv");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(0, result.ExitCode);
        var tracks = TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(6, tracks.User.Count(u => u == "paulo"));
        Assert.Equal(6, tracks.User.Count(u => u == "amelia"));
    }

    [Fact]
    public void A_label_that_is_not_a_user_is_an_error_naming_the_line()
    {
        workspace = new SongWorkspace("fetch:\n  source: csv\n  users: { paulo: {}, elke: {} }\n  csv: { file: imports/all-labelled.csv, label_column: Listener }\n");
        workspace.Import("all-labelled.csv");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("imports/all-labelled.csv:8: label 'amelia' is not one of the users in params.yaml (paulo, elke)", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parquet_export_imports_like_a_csv()
    {
        FetchCsv(("paulo", "exportify-paulo.csv"), ("amelia", "kaggle-amelia.csv"));
        var parquet = workspace!.PathOf("imports/both.parquet");
        File.Copy(workspace.PathOf("data/raw/tracks.parquet"), parquet);
        workspace.Write("params.yaml", "fetch:\n  source: csv\n  users: {}\n  csv: { file: imports/both.parquet, label_column: user }\n");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(16, TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")).RowCount);
    }

    [Fact]
    public void Missing_feature_columns_are_an_error_naming_the_file_the_columns_and_what_was_found()
    {
        var result = FetchCsv(("paulo", "exportify-paulo.csv"), ("amelia", "missing-columns.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("imports/missing-columns.csv: missing required columns: key, mode, speechiness, acousticness, instrumentalness, liveness, valence, tempo, duration_ms, time_signature (found: id, name, artists, danceability, energy, loudness)", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace!.PathOf("data/raw/tracks.parquet")));
    }

    [Fact]
    public void Rows_with_empty_or_non_numeric_features_are_dropped_and_counted_never_zeroed()
    {
        var result = FetchCsv(["--set", "fetch.max_bad_rows=0.3"], ("paulo", "bad-rows.csv"), ("amelia", "kaggle-amelia.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("imports/bad-rows.csv: dropped 2 of 8 rows with an empty, non-numeric or impossible feature (first: imports/bad-rows.csv:4: column 'energy' is empty)", result.Out, StringComparison.Ordinal);
        var tracks = TrackStore.Read(workspace!.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(6, tracks.User.Count(u => u == "paulo"));
        Assert.DoesNotContain(0.0, tracks.Column("energy")!.Values);
    }

    [Fact]
    public void Too_many_bad_rows_is_an_error_with_the_first_line_and_column()
    {
        var result = FetchCsv(("paulo", "bad-rows.csv"), ("amelia", "kaggle-amelia.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("imports/bad-rows.csv: 2 of 8 rows have an empty, non-numeric or impossible feature, more than the allowed 5%", result.Err, StringComparison.Ordinal);
        Assert.Contains("first: imports/bad-rows.csv:4: column 'energy' is empty", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_import_file_is_an_error_naming_it()
    {
        workspace = new SongWorkspace("fetch:\n  source: csv\n  users: { paulo: { file: imports/nope.csv }, amelia: { file: imports/kaggle-amelia.csv } }\n");
        workspace.Import("kaggle-amelia.csv");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("input 'imports/nope.csv' does not exist and no stage writes it", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_whose_export_has_no_songs_is_an_error_naming_them()
    {
        workspace = new SongWorkspace("fetch:\n  source: csv\n  users: { paulo: { file: imports/empty.csv }, amelia: { file: imports/kaggle-amelia.csv } }\n");
        workspace.Import("kaggle-amelia.csv");
        workspace.Write("imports/empty.csv", File.ReadAllLines(SongWorkspace.Fixture("kaggle-amelia.csv"))[0] + "\n");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("imports/empty.csv: 'paulo' has no tracks", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_one_person_is_a_params_error()
    {
        workspace = new SongWorkspace("fetch:\n  users: { paulo: {} }\n");

        var result = workspace.Run("--target=Fetch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'fetch.users': needs two or more people", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_import_reruns_fetch_and_an_unchanged_one_does_not()
    {
        FetchCsv(("paulo", "exportify-paulo.csv"), ("amelia", "kaggle-amelia.csv"));
        var unchanged = workspace!.Run("--target=Fetch");
        File.AppendAllText(workspace.PathOf("imports/kaggle-amelia.csv"), "\nS99x,New Song,New Artist,0.5,0.5,1,-5,1,0.05,0.5,0.0,0.1,0.5,120,200000,4");

        var edited = workspace.Run("--target=Fetch");

        Assert.Equal("Skipped", unchanged.Outcome("Fetch"));
        Assert.Equal("Ran", edited.Outcome("Fetch"));
        Assert.Contains("fetch: running (dep changed: imports/kaggle-amelia.csv)", edited.Out, StringComparison.Ordinal);
    }

    private CliResult FetchCsv(params (string User, string Fixture)[] users) => FetchCsv([], users);

    private CliResult FetchCsv(string[] extra, params (string User, string Fixture)[] users)
    {
        var lines = string.Join("\n", users.Select(u => $"    {u.User}: {{ file: imports/{u.Fixture} }}"));
        workspace = new SongWorkspace($"fetch:\n  source: csv\n  users:\n{lines}\n");
        foreach (var (_, fixture) in users)
        {
            workspace.Import(fixture);
        }
        return workspace.Run(["--target=Fetch", .. extra]);
    }
}
