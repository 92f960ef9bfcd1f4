using Pipeline.Stages.Data;
using Pipeline.Stages.Embed;
using Pipeline.Stages.Evaluate;
using Pipeline.Stages.Report;
using Pipeline.Stages.Report.Taste;

namespace Pipeline.Tests.Stages;

/// <summary>The taste report's numbers on hand-made data with a known answer.</summary>
public sealed class TasteTests
{
    private static readonly string[] People = ["ana", "ben", "cy"];

    [Fact]
    public void The_match_is_zero_when_the_model_always_tells_two_people_apart_and_full_when_it_cannot()
    {
        PredictedSong[] apart = [Song("ana", 0.9, 0.1), Song("ana", 0.8, 0.2), Song("ben", 0.3, 0.7), Song("ben", 0.1, 0.9)];
        PredictedSong[] coin = [Song("ana", 0.5, 0.5), Song("ana", 0.5, 0.5), Song("ben", 0.5, 0.5), Song("ben", 0.5, 0.5)];

        Assert.Equal(0, TasteMatch.Score(apart, ["ana", "ben"], "ana", "ben"));
        Assert.Equal(1, TasteMatch.Score(coin, ["ana", "ben"], "ana", "ben"));
    }

    [Fact]
    public void The_match_is_twice_the_share_of_pairs_the_model_ranks_the_wrong_way()
    {
        // ana's songs score 0.9 and 0.4 for ana against ben, ben's 0.6 and 0.1: 3 of 4 pairs ranked right, AUC 0.75, match 50%.
        PredictedSong[] songs = [Song("ana", 0.9, 0.1), Song("ana", 0.4, 0.6), Song("ben", 0.6, 0.4), Song("ben", 0.1, 0.9)];

        Assert.Equal(0.5, TasteMatch.Score(songs, ["ana", "ben"], "ana", "ben")!.Value, 10);
    }

    [Fact]
    public void With_three_people_a_pair_is_judged_on_its_own_two_probabilities_and_songs()
    {
        // cy's songs and probability do not count for ana and ben: relative to each other, ana's always score higher.
        PredictedSong[] songs =
        [
            new("a", "a", "x", "ana", "cy", [0.3, 0.1, 0.6]), new("b", "b", "x", "ben", "cy", [0.1, 0.3, 0.6]),
            new("c", "c", "x", "cy", "ana", [0.9, 0.05, 0.05]),
        ];

        Assert.Equal(0, TasteMatch.Score(songs, People, "ana", "ben"));
        Assert.Null(TasteMatch.Score(songs.Take(2).ToList(), People, "ana", "cy"));
    }

    [Fact]
    public void Shared_songs_are_the_ones_both_people_like_by_title()
    {
        var tracks = ReportTests.Tracks(("ana", "1", "Zebra", "Z", 0.1), ("ana", "2", "Apple", "A", 0.1), ("ana", "3", "Mine", "M", 0.1),
            ("ben", "2", "Apple", "A", 0.1), ("ben", "1", "Zebra", "Z", 0.1), ("ben", "4", "His", "H", 0.1), ("cy", "3", "Mine", "M", 0.1));

        Assert.Equal([("Apple", "A"), ("Zebra", "Z")], TasteMatch.SharedSongs(tracks, "ana", "ben"));
        Assert.Equal([("Mine", "M")], TasteMatch.SharedSongs(tracks, "ana", "cy"));
        Assert.Empty(TasteMatch.SharedSongs(tracks, "ben", "cy"));
    }

    [Fact]
    public void A_title_on_two_tracks_is_listed_once_and_the_rest_counted()
    {
        var pair = new PairMatch("ana", "ben", 0.5, [("Blue", "Z"), ("Blue", "Z"), ("Gold", "Y"), ("Red", "X")]);

        var (lines, more) = pair.Listed(2);

        Assert.Equal([("Blue", "Z"), ("Gold", "Y")], lines);
        Assert.Equal(1, more);
    }

    [Fact]
    public void The_sentence_names_the_features_that_separate_two_people_with_both_means()
    {
        var tracks = Table(
            ("ana", new() { ["acousticness"] = [0.6, 0.64, 0.62], ["tempo"] = [96, 100, 98] }),
            ("ben", new() { ["acousticness"] = [0.2, 0.22, 0.21], ["tempo"] = [122, 126, 124] }));

        var sentence = TasteWords.Sentences(TasteProfiles.From(tracks)).Single();

        Assert.Equal("ana's songs are more acoustic (acousticness 0.62 vs 0.21) and slower (98 vs 124 BPM) than ben's.", sentence);
    }

    [Fact]
    public void Alike_people_get_a_sentence_saying_so()
    {
        var tracks = Table(("ana", new() { ["energy"] = [0.5, 0.6] }), ("ben", new() { ["energy"] = [0.6, 0.5] }));

        Assert.Equal("ana's songs sound much like ben's on average: no audio feature differs by a third of its spread.",
            TasteWords.Sentences(TasteProfiles.From(tracks)).Single());
    }

    [Fact]
    public void A_mistakes_reason_names_the_feature_that_pulled_it_to_the_chosen_person()
    {
        // ana likes slow songs, ben fast ones; everything else is the same. ana's fast song went to ben: tempo is why.
        var tracks = Table(
            ("ana", new() { ["tempo"] = [88, 90, 92, 128], ["energy"] = [0.5, 0.6, 0.5, 0.6] }),
            ("ben", new() { ["tempo"] = [128, 130, 132], ["energy"] = [0.6, 0.5, 0.5] }));
        var profiles = TasteProfiles.From(tracks);
        var song = profiles.Features.Select(f => f.Name switch { "tempo" => 128.0, "energy" => 0.55, _ => 0.5 }).ToArray();

        var pulls = MistakeReasons.For(profiles, song, liked: "ana", chosen: "ben");

        Assert.Equal("tempo", Assert.Single(pulls).Feature.Name);
        Assert.Equal("tempo 128 BPM: like ben's typical 130 BPM, not ana's 91 BPM", MistakeReasons.Explain(pulls, "ana", "ben"));
    }

    [Fact]
    public void A_song_sitting_between_both_people_has_no_single_reason()
    {
        var tracks = Table(("ana", new() { ["tempo"] = [90, 92] }), ("ben", new() { ["tempo"] = [130, 132] }));
        var profiles = TasteProfiles.From(tracks);
        var song = profiles.Features.Select(f => f.Name == "tempo" ? 111.0 : 0.5).ToArray();

        var pulls = MistakeReasons.For(profiles, song, "ana", "ben");

        Assert.Empty(pulls);
        Assert.Equal("no single audio feature: the mix of them", MistakeReasons.Explain(pulls, "ana", "ben"));
    }

    [Fact]
    public void The_map_frame_ignores_a_few_far_points_and_counts_them()
    {
        var songs = Enumerable.Range(0, 1000).Select(i => new EmbeddedSong("s", "a", "ana", "ana", 0.9, "train", i % 40, i / 25.0)).ToList();
        songs.Add(songs[0] with { X = 5_000 });

        var view = MapView.For(songs);

        Assert.Equal(1, view.Outside);
        Assert.True(view.XMax < 100, $"the frame reaches {view.XMax}");
        Assert.Equal("1 song lies far out, beyond the frame (drag or double-click the interactive map to see it).", view.OutsideNote);
        Assert.Equal(0, MapView.For(songs.Take(1000).ToList()).Outside);
    }

    [Fact]
    public void The_interactive_map_keeps_every_test_song_and_thins_the_training_songs()
    {
        var songs = Enumerable.Range(0, 50).Select(i => new EmbeddedSong($"s{i}", "a", "ana", "ana", 0.9, i < 10 ? "test" : "train", i, i)).ToList();

        var shown = MapView.Interactive(songs, limit: 30);

        Assert.Equal(30, shown.Count);
        Assert.Equal(10, shown.Count(s => s.Split == "test"));
        Assert.Equal(shown.Count, shown.Distinct().Count());
    }

    private static PredictedSong Song(string user, double ana, double ben) => new($"{user}{ana}{ben}", "t", "a", user, ana >= ben ? "ana" : "ben", [ana, ben]);

    /// <summary>A raw table from per-person feature values; the features not given are 0.5 for every song.</summary>
    private static TrackTable Table(params (string User, Dictionary<string, double[]> Values)[] people)
    {
        var rows = people.SelectMany(p => Enumerable.Range(0, p.Values.Values.First().Length).Select(i => (p.User, i, p.Values))).ToList();
        return new TrackTable(
            [.. rows.Select(r => r.User)], [.. rows.Select(r => $"{r.User}-{r.i}")], [.. rows.Select(r => $"{r.User} {r.i}")], [.. rows.Select(_ => "x")],
            [.. AudioFeatures.All.Select(f => new NumericColumn(f, [.. rows.Select(r => r.Values.TryGetValue(f, out var v) ? v[r.i] : 0.5)], false))]);
    }
}

/// <summary>The Report stage's fingerprint covers every param its params table can show.</summary>
public sealed class ReportFingerprintTests
{
    [Fact]
    public void The_report_declares_every_params_section_it_shows()
    {
        var declared = typeof(Pipeline.Host.Tasks.ReportTask).GetCustomAttributes(typeof(Pipeline.Engine.Tasks.ParamsAttribute), false)
            .Cast<Pipeline.Engine.Tasks.ParamsAttribute>().Single().Keys;
        var shown = Pipeline.Stages.Report.DataSummary.Params(new Pipeline.Stages.Parameters.PipelineParams()).Select(p => p.Key.Split('.')[0]).Distinct();
        var sections = typeof(Pipeline.Stages.Parameters.PipelineParams).GetProperties().Select(p => p.Name.ToLowerInvariant());

        Assert.All(shown, s => Assert.Contains(s, declared));
        Assert.Equal(sections.Order(), declared.Order());
    }
}
