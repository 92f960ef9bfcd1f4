using Pipeline.Stages.Data;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>
/// The raw table from the libraries and the cache: a row per (person, song) that has audio features (and an
/// analysis when asked), sorted. A feature no row has from the provider (ReccoBeats: time_signature) is left out;
/// duration_ms comes from the track object when the provider lacks it.
/// </summary>
public static class TrackAssembler
{
    public static TrackTable Assemble(IReadOnlyList<string> users, IReadOnlyList<Library> libraries,
        TrackJournal<SortedDictionary<string, double>> features, TrackJournal<double[]>? analyses,
        out List<UserSummary> summaries, out List<string> missing)
    {
        var rows = new List<(string User, LibraryTrack Track, SortedDictionary<string, double> Features, double[]? Analysis)>();
        summaries = [];
        for (var u = 0; u < users.Count; u++)
        {
            var library = libraries[u];
            int withoutFeatures = 0, withoutAnalysis = 0, bad = 0, songs = 0;
            foreach (var track in library.Tracks)
            {
                if (!features.TryGet(track.Id, out var values) || values is null)
                {
                    withoutFeatures++;
                    continue;
                }
                double[]? analysis = null;
                if (analyses is not null && (!analyses.TryGet(track.Id, out analysis) || analysis is null))
                {
                    withoutAnalysis++;
                    continue;
                }
                if (!InRange(values, analysis))
                {
                    bad++;
                    continue;
                }
                rows.Add((users[u], track, values, analysis));
                songs++;
            }
            summaries.Add(new UserSummary
            {
                From = library.From,
                Listed = library.Listed,
                LocalFiles = library.LocalFiles,
                Episodes = library.Episodes,
                Unavailable = library.Unavailable,
                Duplicates = library.Duplicates,
                WithoutFeatures = withoutFeatures,
                WithoutAnalysis = withoutAnalysis,
                BadFeatures = bad,
                Songs = songs,
            });
        }
        missing = [.. AudioFeatures.All.Where(f => f != "duration_ms" && rows.Count > 0 && !rows.All(r => r.Features.ContainsKey(f)))];
        var columns = new List<NumericColumn>();
        foreach (var name in AudioFeatures.All.Except(missing))
        {
            columns.Add(new NumericColumn(name, [.. rows.Select(r =>
                r.Features.TryGetValue(name, out var v) ? v : name == "duration_ms" ? r.Track.DurationMs : double.NaN)], AudioFeatures.IsIntegral(name)));
        }
        if (analyses is not null)
        {
            columns.AddRange(AudioFeatures.TimbreAndPitch.Select((name, k) => new NumericColumn(name, [.. rows.Select(r => r.Analysis![k])], false)));
        }
        return new TrackTable([.. rows.Select(r => r.User)], [.. rows.Select(r => r.Track.Id)], [.. rows.Select(r => r.Track.Name)],
            [.. rows.Select(r => r.Track.Artists)], columns).Sorted();
    }

    /// <summary>The same documented-range check as an imported row: out of range or not finite is a bad row.</summary>
    private static bool InRange(SortedDictionary<string, double> values, double[]? analysis) =>
        values.All(v => double.IsFinite(v.Value) && (AudioFeatures.Range(v.Key) is not { } range || (v.Value >= range.Min && v.Value <= range.Max)))
        && (analysis is null || analysis.All(double.IsFinite));
}
