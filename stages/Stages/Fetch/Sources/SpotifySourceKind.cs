using Pipeline.Stages.Data;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Stages.Parameters;

namespace Pipeline.Stages.Fetch.Sources;

/// <summary>fetch.source: spotify, each person's liked songs (or a playlist) from the Web API; always runs, reads credentials/.</summary>
public sealed class SpotifySourceKind : ISource
{
    public const string KindName = "spotify";

    /// <summary>Where the spotify source keeps its client credentials and each person's login token.</summary>
    public const string CredentialsFolder = "credentials";

    public string Name => KindName;

    public bool AlwaysChanged => true;

    public IReadOnlyList<string> Private(FetchParams parameters) => [CredentialsFolder];

    public void Check(FetchParams parameters, Func<string, string> resolve, Func<string, string?> environment) =>
        SpotifySource.Check(parameters, resolve, environment);

    public string Describe(FetchSummary? summary) => $"spotify: {string.Join(", ", summary?.Users.Select(u => $"{u.Key} ({u.Value.From})") ?? [])}";

    public string Skipped(FetchSummary? summary) =>
        string.Join("; ", summary?.Users.Select(u => $"{u.Key}: {u.Value.Explain(summary.FeaturesProvider ?? KindName)}") ?? []);

    public (string Key, string Value)? Settings(FetchParams parameters) =>
        ("fetch.spotify", $"features from {parameters.Spotify.FeaturesProvider}, audio analysis {(parameters.Spotify.AudioAnalysis ? "on" : "off")}");

    public (TrackTable Tracks, FetchSummary? Summary) Fetch(int seed, FetchParams parameters, FetchRun run, Action<FileSummary> counted) =>
        SpotifySource.Fetch(parameters, run);
}
