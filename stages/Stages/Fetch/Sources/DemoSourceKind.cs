using System.Globalization;
using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch.Sources;

/// <summary>fetch.source: demo, the embedded synthetic songs (offline, seeded).</summary>
public sealed class DemoSourceKind : ISource
{
    public const string KindName = "demo";

    public string Name => KindName;

    public bool AlwaysChanged => false;

    public string Describe(FetchSummary? summary) => "demo: synthetic songs made up on this machine, not anyone's real library";

    public string Skipped(FetchSummary? summary) => "none (the demo makes every row whole)";

    public (string Key, string Value)? Settings(FetchParams parameters) => ("fetch.demo", string.Create(CultureInfo.InvariantCulture,
        $"{parameters.Demo.TracksPerUser} songs per person, taste {parameters.Demo.Taste}, shared {parameters.Demo.Shared}"));

    public string? Note(FetchParams parameters) =>
        $"Demo data: each person's songs are drawn from a taste profile ({DemoSource.Profiles(parameters.Users)}) and a mainstream pool everyone hears.";

    public (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted) =>
        (DemoSource.Generate(seed, parameters.Users, parameters.Demo, run.Progress), null);
}
