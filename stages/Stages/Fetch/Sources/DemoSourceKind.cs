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

    public (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted) =>
        (DemoSource.Generate(seed, parameters.Users, parameters.Demo, run.Progress), null);
}
