using Pipeline.Stages.Evaluate;

namespace Pipeline.Stages.Compare;

/// <summary>
/// The test songs whose predicted person changed between the first two runs (matched by track and who liked it), the most
/// confident change first: by how sure the second run is of its new pick, then how sure the first was of its old one.
/// </summary>
internal sealed record SongChanges(IReadOnlyList<SongChange> Changed, int Compared)
{
    public static SongChanges Between(IReadOnlyList<ComparedRun> runs)
    {
        if (runs.Count < 2)
        {
            return new([], 0);
        }
        var (before, after) = (runs[0], runs[1]);
        var earlier = new Dictionary<(string, string), PredictedSong>();
        foreach (var song in before.Predictions)
        {
            earlier.TryAdd((song.TrackId, song.TrueUser), song);
        }
        var compared = 0;
        var changed = new List<SongChange>();
        foreach (var song in after.Predictions)
        {
            if (!earlier.TryGetValue((song.TrackId, song.TrueUser), out var was))
            {
                continue;
            }
            compared++;
            if (was.PredictedUser != song.PredictedUser)
            {
                changed.Add(new SongChange(song.TrackId, song.Name, song.Artists, song.TrueUser, was.PredictedUser, Sure(before, was), song.PredictedUser, Sure(after, song)));
            }
        }
        return new([.. changed.OrderByDescending(c => c.AfterSure).ThenByDescending(c => c.BeforeSure).ThenBy(c => c.TrackId, StringComparer.Ordinal)
            .ThenBy(c => c.TrueUser, StringComparer.Ordinal)], compared);
    }

    private static double Sure(ComparedRun run, PredictedSong song)
    {
        var classes = run.Metrics.Classes;
        for (var c = 0; c < classes.Count; c++)
        {
            if (classes[c] == song.PredictedUser)
            {
                return song.Probabilities[c];
            }
        }
        return double.NaN;
    }
}

internal sealed record SongChange(string TrackId, string Name, string Artists, string TrueUser, string Before, double BeforeSure, string After, double AfterSure)
{
    /// <summary>Whether the change put the song with the person who liked it (true), took it away (false), or moved it between others (null).</summary>
    public bool? Fixed => After == TrueUser ? true : Before == TrueUser ? false : null;
}
