using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Running;

/// <summary>
/// Why a stage is stale, cheapest check first: never run, code, params (by value), deps, then outs.
/// An empty list means up to date.
/// </summary>
public static class Freshness
{
    public static List<string> Reasons(Stage stage, StageRecord current, StageRecord? locked, IReadOnlyDictionary<string, string?> outsNow)
    {
        var reasons = new List<string>();
        if (stage.AlwaysChanged)
        {
            reasons.Add("always runs: it reads from outside the workspace");
        }
        if (locked is null)
        {
            reasons.Add("never run");
            return reasons;
        }
        if (locked.Code != current.Code)
        {
            reasons.Add("code changed");
        }
        reasons.AddRange(Changes(locked.Params, current.Params).Select(c => ParamChange(c.Key, c.Before, c.After)));
        reasons.AddRange(Changes(locked.Deps, current.Deps).Select(c => DepChange(c.Key, c.Before, c.After)));
        foreach (var (path, hash) in outsNow)
        {
            if (hash is null)
            {
                reasons.Add($"out missing: {path}");
            }
            else if (!locked.Outs.TryGetValue(path, out var recorded))
            {
                reasons.Add($"out not recorded: {path}");
            }
            else if (recorded != hash)
            {
                reasons.Add($"out modified: {path}");
            }
        }
        return reasons;
    }

    private static string ParamChange(string key, string? before, string? after) => (before, after) switch
    {
        (null, _) => $"params changed: {key} added ({after})",
        (_, null) => $"params changed: {key} removed (was {before})",
        _ => $"params changed: {key} {before} -> {after}",
    };

    private static string DepChange(string path, string? before, string? after) => (before, after) switch
    {
        (null, _) => $"dep added: {path}",
        (_, null) => $"dep removed: {path}",
        _ => $"dep changed: {path}",
    };

    private static IEnumerable<(string Key, string? Before, string? After)> Changes(
        IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(key => (key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .Where(change => change.Item2 != change.Item3);
}
