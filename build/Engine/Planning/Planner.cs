using Pipeline.Engine.Caching;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Planning;

/// <summary>Decides, for every stage of a request, skip, restore or run, and why; reads the workspace, writes nothing.</summary>
internal sealed class Planner(StageGraph graph, StageStateReader state, LockFile lockFile, RunCache cache)
{
    public Plan Plan(IReadOnlyList<Stage> stages, Stage? forced)
    {
        var changing = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<PlannedStage>();
        foreach (var stage in stages)
        {
            var current = state.Current(stage, out _);
            var upstreamChanging = graph.Upstream(stage).Where(u => changing.Contains(u.Name)).Select(u => u.Key).ToList();
            var decision = Decide(stage, current, stage == forced, upstreamChanging);
            if (decision is not Decision.Skip)
            {
                changing.Add(stage.Name);
            }
            steps.Add(new PlannedStage(stage, decision) { Forced = stage == forced });
        }
        return new Plan(steps);
    }

    /// <summary>
    /// The one decision rule: skip when nothing changed; restore when this fingerprint ran before (never when forced,
    /// always-changed, or with upstream stages about to change its inputs); else run.
    /// </summary>
    public Decision Decide(Stage stage, StageRecord current, bool force, IReadOnlyList<string> upstreamChanging)
    {
        var reasons = Freshness.Reasons(stage, current, lockFile.Stages.GetValueOrDefault(stage.Key), state.Outs(stage));
        reasons.AddRange(upstreamChanging.Select(u => new ChangeReason.UpstreamChanging(u)));
        if (force)
        {
            reasons.Insert(0, new ChangeReason.Forced());
        }
        var fingerprint = current.Fingerprint(stage.Key);
        return reasons.Count == 0 ? new Decision.Skip()
            : CacheRule.MayRestore(force, stage.AlwaysChanged, upstreamChanging.Count) && cache.Contains(fingerprint) ? new Decision.Restore(fingerprint, reasons)
            : new Decision.Run(reasons);
    }
}
