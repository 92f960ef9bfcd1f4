using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Every target --target takes, found in one place: the pipeline's stages, the engine's views and commands, and the
/// host's commands. Dispatch is a lookup here. An option name must mean the same (kind and values) on every target.
/// </summary>
internal sealed class TargetRegistry
{
    private readonly Lazy<IReadOnlyList<Target>> all;

    public TargetRegistry(IPipelineModel pipeline, PipelineDefinition definition)
    {
        all = new(() =>
        {
            IReadOnlyList<Target> targets =
            [
                .. pipeline.Stages.Select(s => new StageTarget(s.Name, s.Description)),
                new StatusTarget(), new DagTarget(), new MetricsTarget(), new MetricsDiffTarget(), new ParamsDiffTarget(), new ExperimentsTarget(),
                new ApplyTarget(), new SweepTarget(), new GcTarget(), new PushTarget(), new PullTarget(),
                .. (definition.Compare is { } compare ? [new CompareTarget(compare)] : Array.Empty<Target>()),
                .. definition.Commands.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new HostCommandTarget(c.Key, c.Value)),
            ];
            CheckOptions(targets);
            return targets;
        });
    }

    public IReadOnlyList<Target> All => all.Value;

    /// <summary>Every option of every target, and the meta options: what the parser knows.</summary>
    public IReadOnlyList<TargetOption> AllOptions =>
        [.. SharedOptions.Meta, .. SharedOptions.Global, .. All.SelectMany(t => t.Options).OrderByDescending(o => o.Repeats).DistinctBy(o => o.Name)];

    /// <summary>The target of that name (any case); an unknown one is an error with the nearest name and the list.</summary>
    public Target Resolve(string name)
    {
        var known = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }
        var names = All.Select(t => t.Name).ToList();
        throw PipelineErrors.UnknownTarget(TerminalText.Safe(name), Suggest.Nearest(name, names), names);
    }

    private static void CheckOptions(IReadOnlyList<Target> targets)
    {
        var meta = SharedOptions.Meta.Concat(SharedOptions.Global).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var group in targets.SelectMany(t => t.Options.Select(o => (Target: t, Option: o))).GroupBy(x => x.Option.Name))
        {
            var first = group.First();
            if (meta.Contains(group.Key))
            {
                throw new InvalidOperationException($"{first.Target.Name} declares --{group.Key}, which every target has already");
            }
            var other = group.FirstOrDefault(x => x.Option.Kind != first.Option.Kind || x.Option.Alias != first.Option.Alias
                || x.Option.Min != first.Option.Min || x.Option.Max != first.Option.Max || !x.Option.Choices.SequenceEqual(first.Option.Choices));
            if (other.Option is not null)
            {
                throw new InvalidOperationException($"--{group.Key} means one thing on {first.Target.Name} and another on {other.Target.Name}");
            }
        }
    }
}
