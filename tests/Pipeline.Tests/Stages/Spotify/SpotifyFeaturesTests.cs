using System.Text.Json.Nodes;
using Pipeline.Stages.Data;
using Pipeline.Stages.Features;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Tests.Harness;
using SpotifyFake;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>Audio features from Spotify (100 a request) or ReccoBeats (40 a request), and the audio analysis reduction.</summary>
public sealed class SpotifyFeaturesTests
{
    [Fact]
    public async Task Spotify_audio_features_come_in_batches_of_at_most_100_ids_each_id_asked_once()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 250);
        var shared = scenario.Fake.Liked["ana"].Take(30).Select(i => (JsonObject)i.DeepClone());
        scenario.Fake.Liked["ben"].AddRange(shared);

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        var batches = requests.Where(r => r.Path == "/v1/audio-features").ToList();
        Assert.All(batches, b => Assert.InRange(b.Ids, 1, 100));
        Assert.Equal(500, batches.Sum(b => b.Ids)); // 530 liked, 30 of them by both: asked once
        Assert.Equal(6, batches.Count); // 250 for ana: 100+100+50; 250 new for ben: 100+100+50
        Assert.Equal(500, requests.Count(r => r.Path.StartsWith("/v1/audio-analysis/", StringComparison.Ordinal)));
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        Assert.Equal(280, tracks.User.Count(u => u == "ben"));
        Assert.Equal([.. AudioFeatures.All, .. AudioFeatures.TimbreAndPitch], tracks.Features.Select(c => c.Name));
    }

    [Fact]
    public async Task ReccoBeats_is_asked_40_ids_at_a_time_and_the_tracks_it_does_not_know_are_left_out_and_counted()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 130, paramsYaml: SpotifyScenario.Params(provider: "reccobeats", analysis: false));
        var unknown = scenario.Fake.Liked["ana"].Where((_, i) => i % 10 == 3).Select(i => i["track"]!["id"]!.GetValue<string>()).ToList();
        unknown.ForEach(id => scenario.Fake.Catalog.UnknownToReccoBeats.Add(id));

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Features").ExitCode));

        var batches = requests.Where(r => r.Path == "/recco/v1/audio-features").ToList();
        Assert.All(batches, b => Assert.InRange(b.Ids, 1, 40));
        Assert.All(batches, b => Assert.Null(b.Authorization));
        Assert.Equal(260, batches.Sum(b => b.Ids));
        Assert.Equal(8, batches.Count); // 130 = 40+40+40+10, for each person
        Assert.DoesNotContain(requests, r => r.Path.StartsWith("/v1/audio", StringComparison.Ordinal));
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        var ana = tracks.TrackId.Where((_, i) => tracks.User[i] == "ana").ToHashSet();
        Assert.Equal(130 - unknown.Count, ana.Count);
        Assert.Empty(ana.Intersect(unknown));
        Assert.Null(tracks.Column("time_signature"));
        Assert.Equal(scenario.Fake.Catalog.Tracks[ana.First()]["duration_ms"]!.GetValue<int>(), tracks.Column("duration_ms")!.Values[tracks.TrackId.ToList().IndexOf(ana.First())]);
        var summary = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json"));
        var counts = summary.Users["ana"];
        Assert.Equal((130, unknown.Count, 130 - unknown.Count), (counts.Listed, counts.WithoutFeatures, counts.Songs));
        Assert.Equal(["time_signature"], summary.MissingFeatures);
        Assert.Equal(0, summary.Users["ben"].WithoutFeatures);
        Assert.Equal(Preprocessing.Load(scenario.Workspace.PathOf("models/preprocessing.json")).Dropped, ["time_signature"]);
    }

    [Fact]
    public async Task Without_time_signature_Features_warns_and_drops_it_and_the_pipeline_runs_to_the_report()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 60, paramsYaml: SpotifyScenario.Params(provider: "reccobeats", analysis: false));

        var run = scenario.Run("--target=Evaluate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: features: the source gives no time_signature", run.Err, StringComparison.Ordinal);
        var preprocessing = Preprocessing.Load(scenario.Workspace.PathOf("models/preprocessing.json"));
        Assert.DoesNotContain(preprocessing.Categorical, c => c.Name == "time_signature");
        Assert.Contains(preprocessing.Categorical, c => c.Name == "key");
    }

    [Fact]
    public async Task ReccoBeats_dropping_ids_past_40_would_lose_nothing_silently_every_listed_song_is_accounted_for()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 95, paramsYaml: SpotifyScenario.Params(provider: "reccobeats", analysis: false));
        using var http = new ResilientHttp(new() { Retries = 0 }, _ => { });
        var source = FeatureSource.For("reccobeats", new JsonApi(http), new SpotifyEndpoints { ReccoBeatsUrl = scenario.Fake.ReccoBeatsUrl });
        var ids = scenario.Fake.Liked["ana"].Select(i => i["track"]!["id"]!.GetValue<string>()).ToList();

        // Asked for 95 at once, the fake (like ReccoBeats) answers only the first 40: the rest map to "unknown", never vanish.
        var answer = await source.Fetch(ids, null!, CancellationToken.None);

        Assert.Equal(40, source.BatchSize);
        Assert.Equal(95, answer.Count);
        Assert.Equal(40, answer.Values.Count(v => v is not null));
        Assert.All(ids.Take(40), id => Assert.NotNull(answer[id]));
        var run = scenario.Run("--target=Fetch");
        Assert.Equal(0, run.ExitCode);
        var counts = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json")).Users["ana"];
        Assert.Equal(counts.Listed, counts.Songs + counts.WithoutFeatures + counts.LocalFiles + counts.Episodes + counts.Unavailable + counts.Duplicates);
        Assert.Equal(95, counts.Songs);
    }

    [Fact]
    public async Task The_analysis_is_reduced_to_the_mean_timbre_and_pitch_over_all_segments_of_the_real_sample()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 12);
        var id = scenario.Fake.Liked["ana"][0]["track"]!["id"]!.GetValue<string>();
        var sample = Samples.Read("audio-analysis-full.json");
        scenario.Fake.Catalog.Analyses[id] = sample;

        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);

        var segments = sample["segments"]!.AsArray();
        Assert.Equal(428, segments.Count);
        var expected = new double[24];
        foreach (var segment in segments)
        {
            for (var k = 0; k < 12; k++)
            {
                expected[k] += segment!["timbre"]![k]!.GetValue<double>() / segments.Count;
                expected[12 + k] += segment["pitches"]![k]!.GetValue<double>() / segments.Count;
            }
        }
        var tracks = TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet"));
        var row = tracks.TrackId.ToList().IndexOf(id);
        for (var k = 0; k < 24; k++)
        {
            Assert.Equal(expected[k], tracks.Column(AudioFeatures.TimbreAndPitch[k])!.Values[row], 9);
        }
        Assert.Equal(23.312, Reduced("audio-analysis-minimal.json")[0], 12); // one segment: its own values
        Assert.Equal(0.709, Reduced("audio-analysis-minimal.json")[12], 12);
    }

    [Fact]
    public async Task A_track_without_an_analysis_is_left_out_and_counted()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 12);
        var id = scenario.Fake.Liked["ben"][5]["track"]!["id"]!.GetValue<string>();
        scenario.Fake.Catalog.WithoutAnalysis.Add(id);

        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);

        var counts = FetchSummary.Load(scenario.Workspace.PathOf("data/raw/fetch-summary.json")).Users["ben"];
        Assert.Equal((1, 11), (counts.WithoutAnalysis, counts.Songs));
        Assert.DoesNotContain(id, TrackStore.Read(scenario.Workspace.PathOf("data/raw/tracks.parquet")).TrackId);
    }

    private static double[] Reduced(string sample)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Samples.Text(sample));
        return AnalysisReducer.Reduce(document.RootElement)!;
    }
}
