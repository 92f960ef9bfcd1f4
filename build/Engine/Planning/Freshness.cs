using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Planning;

/// <summary>
/// Why a stage is stale, cheapest check first: never run, code, params (by value), deps, then outs.
/// An empty list means up to date.
/// </summary>
internal static class Freshness
{
    public static List<ChangeReason> Reasons(Stage stage, StageRecord current, StageRecord? locked, IReadOnlyDictionary<string, string?> outsNow)
    {
        var reasons = new List<ChangeReason>();
        if (stage.AlwaysChanged)
        {
            reasons.Add(new ChangeReason.AlwaysChanged());
        }
        if (locked is null)
        {
            reasons.Add(new ChangeReason.NeverRun());
            return reasons;
        }
        if (locked.Code != current.Code)
        {
            reasons.Add(new ChangeReason.CodeChanged());
        }
        reasons.AddRange(Changes(locked.Params, current.Params).Select(c => new ChangeReason.ParamChanged(c.Key, c.Before, c.After)));
        reasons.AddRange(Changes(locked.Deps, current.Deps).Select(c => new ChangeReason.DepChanged(c.Key, Added: c.Before is null, Removed: c.After is null)));
        foreach (var (path, hash) in outsNow)
        {
            if (hash is null)
            {
                reasons.Add(new ChangeReason.OutMissing(path));
            }
            else if (!locked.Outs.TryGetValue(path, out var recorded))
            {
                reasons.Add(new ChangeReason.OutNotRecorded(path));
            }
            else if (recorded != hash)
            {
                reasons.Add(new ChangeReason.OutModified(path));
            }
        }
        return reasons;
    }

    private static IEnumerable<(string Key, string? Before, string? After)> Changes(
        IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(key => (key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .Where(change => change.Item2 != change.Item3);
}
