using System.IO.Compression;
using Pipeline.Stages.Data;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>Exports that are wrong in the ways real ones are: impossible values, clashing columns, compression, links.</summary>
public sealed class CsvBadInputTests : IDisposable
{
    private const string Header = "id,name,artists,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature";
    private readonly SongWorkspace workspace = new("fetch:\n  source: csv\n  users: { paulo: { file: imports/paulo.csv }, amelia: { file: imports/amelia.csv } }\n");

    public CsvBadInputTests() => Directory.CreateDirectory(workspace.PathOf("imports"));

    public void Dispose() => workspace.Dispose();

    private static string Rows(int count, int from = 0, string? odd = null) =>
        string.Join("\n", Enumerable.Range(from, count).Select(i =>
            i == from && odd is not null ? odd : $"T{i:000}abcdefghijklmnopqrs,Song {i},Artist {i % 3},0.5,0.6,{i % 12},-7.5,1,0.05,0.2,0.0,0.1,0.4,{100 + i},200000,4")) + "\n";

    [Theory]
    [InlineData("X000abcdefghijklmnopqrs,Bad,A,7,0.6,1,-7.5,1,0.05,0.2,0.0,0.1,0.4,120,200000,4", "column 'danceability' is 7, outside 0 to 1")]
    [InlineData("X000abcdefghijklmnopqrs,Bad,A,0.5,-3,1,-7.5,1,0.05,0.2,0.0,0.1,0.4,120,200000,4", "column 'energy' is -3, outside 0 to 1")]
    [InlineData("X000abcdefghijklmnopqrs,Bad,A,0.5,0.6,1,-7.5,1,0.05,0.2,0.0,0.1,0.4,-50,200000,4", "column 'tempo' is -50, outside 0 to 300")]
    [InlineData("X000abcdefghijklmnopqrs,Bad,A,0.5,0.6,1,-7.5,1,0.05,0.2,0.0,0.1,0.4,120,-1,4", "column 'duration_ms' is -1, outside 1 to 86400000")]
    public void An_impossible_value_is_a_bad_row_like_a_non_number(string odd, string expected)
    {
        workspace.Write("imports/paulo.csv", Header + "\n" + Rows(40, odd: odd));
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(40, from: 100));

        var dropped = workspace.Run("--target=Fetch");
        Assert.Equal(0, dropped.ExitCode);
        Assert.Contains($"imports/paulo.csv: dropped 1 of 40 rows with an empty, non-numeric or impossible feature (first: imports/paulo.csv:2: {expected})", dropped.Out, StringComparison.Ordinal);
        Assert.Equal(79, TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")).RowCount);

        var refused = workspace.Run("--target=Fetch", "--set", "fetch.max_bad_rows=0");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(expected, refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_that_read_as_one_feature_are_an_error_naming_both()
    {
        workspace.Write("imports/paulo.csv", Header.Replace("energy,", "energy,Dance ability,", StringComparison.Ordinal) + "\n"
            + Rows(5).Replace(",0.6,", ",0.6,0.5,", StringComparison.Ordinal));
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(5, from: 100));

        var run = workspace.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("imports/paulo.csv: columns 'danceability' and 'Dance ability' both read as 'danceability'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_named_csv_is_read_through_the_compression()
    {
        using (var file = File.Create(workspace.PathOf("imports/paulo.csv")))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(Header + "\n" + Rows(20));
        }
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(20, from: 100));

        var run = workspace.Run("--target=Fetch");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(40, TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")).RowCount);
    }

    [Fact]
    public void A_zip_archive_named_csv_is_refused_by_name()
    {
        using (var zip = ZipFile.Open(workspace.PathOf("imports/paulo.csv"), ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("paulo.csv").Open());
            entry.Write(Header + "\n" + Rows(5));
        }
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(5, from: 100));

        var run = workspace.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("imports/paulo.csv: cannot be read: it is a zip archive, not a CSV; unzip it", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_where_a_file_should_be_is_called_a_folder()
    {
        Directory.CreateDirectory(workspace.PathOf("imports/paulo.csv"));
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(5, from: 100));

        var run = workspace.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("imports/paulo.csv: is a folder, not a file", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_that_is_a_symlink_is_tracked_by_its_target_so_status_sees_an_edit()
    {
        workspace.Write("exports/paulo-2026.csv", Header + "\n" + Rows(20));
        File.CreateSymbolicLink(workspace.PathOf("imports/paulo.csv"), "../exports/paulo-2026.csv");
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(20, from: 100));
        Assert.Equal(0, workspace.Run("--target=Fetch").ExitCode);
        Assert.DoesNotContain("fetch:", workspace.Run("--target=Status").Out, StringComparison.Ordinal);

        workspace.Write("exports/paulo-2026.csv", Header + "\n" + Rows(25));

        var status = workspace.Run("--target=Status");
        Assert.Contains("fetch: dep changed: imports/paulo.csv", status.Out, StringComparison.Ordinal);
        var run = workspace.Run("--target=Fetch");
        Assert.Equal("Ran", run.Outcome("Fetch"));
        Assert.Equal(45, TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")).RowCount);
    }

    [Fact]
    public void Control_characters_from_a_file_reach_the_terminal_escaped()
    {
        workspace.Write("imports/paulo.csv", Header.Replace("energy", "en\u001b[31mergy", StringComparison.Ordinal) + "\n" + Rows(5));
        workspace.Write("imports/amelia.csv", Header + "\n" + Rows(5, from: 100));

        var run = workspace.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("en<U+001B>[31mergy", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Err);
    }

    [Fact]
    public void Bidi_and_control_characters_in_titles_never_reach_the_reports()
    {
        var random = new Random(3);
        string Hostile(int from) => string.Join("\n", Enumerable.Range(from, 60).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"T{i:000}abcdefghijklmnopqrs,\u202Egnos {i}\u001b[2J,Art\u0007ist,{random.NextDouble():0.00},{random.NextDouble():0.00},{random.Next(12)},-7.5,1,0.05,0.2,0.0,0.1,0.4,{100 + random.Next(50)},200000,4"))) + "\n";
        workspace.Write("imports/paulo.csv", Header + "\n" + Hostile(0));
        workspace.Write("imports/amelia.csv", Header + "\n" + Hostile(100));

        var run = workspace.Run("--target=Report");

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = workspace.Read("reports/report.md");
        var page = workspace.Read("reports/report.html");
        var html = page[page.IndexOf("</head>", StringComparison.Ordinal)..]; // plotly.js itself, inlined in <head>, holds ESC in its own code

        Assert.Contains("gnos ", markdown, StringComparison.Ordinal);
        Assert.Contains("gnos ", html, StringComparison.Ordinal);
        foreach (var (name, text) in new[] { ("report.md", markdown), ("report.html", html) })
        {
            foreach (var c in new[] { '\u202E', '\u001b', '\u0007' })
            {
                var at = text.IndexOf(c, StringComparison.Ordinal);
                Assert.True(at < 0, $"{name} holds U+{(int)c:X4} at {at}: ...{(at < 0 ? "" : text.Substring(Math.Max(0, at - 80), 120))}...");
            }
        }
        Assert.Contains("Art\uFFFDist", markdown, StringComparison.Ordinal);
    }
}
