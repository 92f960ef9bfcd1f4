using Pipeline.Stages.Data;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>The demo is seeded per person: adding people leaves everyone else's songs and profiles exactly as they were.</summary>
public sealed class DemoStabilityTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 120));

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Adding_two_people_leaves_the_others_rows_byte_identical()
    {
        Assert.Equal(0, workspace.Run("--target=Fetch").ExitCode);
        var before = RowsByUser(TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")));

        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 120, users: "paulo: {}\n    amelia: {}\n    lewis: {}\n    ana: {}"));
        Assert.Equal(0, workspace.Run("--target=Fetch").ExitCode);
        var after = RowsByUser(TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet")));

        Assert.Equal(["amelia", "ana", "lewis", "paulo"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before["paulo"], after["paulo"]);
        Assert.Equal(before["amelia"], after["amelia"]);
        Assert.NotEqual(after["lewis"], after["ana"]);
    }

    [Fact]
    public void People_share_some_songs_through_the_mainstream_pool()
    {
        Assert.Equal(0, workspace.Run("--target=Fetch").ExitCode);
        var tracks = TrackStore.Read(workspace.PathOf("data/raw/tracks.parquet"));

        var shared = tracks.TrackId.GroupBy(id => id).Count(g => g.Count() > 1);

        Assert.InRange(shared, 1, 15);
    }

    [Fact]
    public void The_report_says_who_got_which_profile()
    {
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 120, users: "paulo: {}\n    amelia: { profile: classical }"));

        Assert.Equal(0, workspace.Run("--target=Report").ExitCode);

        Assert.Contains("taste profile (amelia: classical (set in params), paulo: dance)", workspace.Read("reports/report.md"), StringComparison.Ordinal);
    }

    /// <summary>Each person's rows as text lines: id, title, artists and every feature value, in the table's order.</summary>
    private static Dictionary<string, string> RowsByUser(TrackTable table) =>
        Enumerable.Range(0, table.RowCount).GroupBy(r => table.User[r]).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(r =>
            string.Join(",", new[] { table.TrackId[r], table.Name[r], table.Artists[r] }.Concat(table.Features.Select(f => f.Values[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture)))))));
}
