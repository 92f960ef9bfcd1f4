namespace Pipeline.Engine.Cli;

/// <summary>--help: the options every target takes, a stage's options and the targets; with a target, that target's options and what --dryrun does there.</summary>
internal static class HelpText
{
    public static void General(TargetRegistry registry, string defaultTarget, TextWriter output)
    {
        output.WriteLine("USAGE:");
        output.WriteLine("    build.sh [--target=TARGET] [OPTIONS]        (or: build.sh TARGET [OPTIONS])");
        output.WriteLine();
        Options(output, "OPTIONS (every target):", [SharedOptions.Help, SharedOptions.Target, SharedOptions.Verbosity, SharedOptions.Version, SharedOptions.Description]);
        var stage = registry.All.OfType<StageTarget>().FirstOrDefault();
        if (stage is not null)
        {
            Options(output, "OPTIONS (the stages):", stage.Options);
        }
        output.WriteLine("TARGETS:");
        var width = registry.All.Max(t => t.Name.Length + (t.Name == defaultTarget ? 10 : 0));
        foreach (var target in registry.All)
        {
            var name = target.Name == defaultTarget ? $"{target.Name} (default)" : target.Name;
            output.WriteLine($"    {name.PadRight(width)}    {target.Kind,-7}  {target.Description}");
        }
        output.WriteLine();
        output.WriteLine("A target's own options: ./build.sh --help --target=TARGET (or ./build.sh TARGET --help)");
        output.WriteLine("Example: ./build.sh --target=Train --set train.mlp.epochs=50");
    }

    public static void For(Target target, TextWriter output)
    {
        output.WriteLine($"{target.Name} ({target.Kind}): {target.Description}");
        output.WriteLine();
        output.WriteLine($"Changes: {Effect(target.Effect)}.");
        output.WriteLine(target.SupportsDryRun ? $"--dryrun: {target.DryRunHelp}." : target.Effect == TargetEffect.Nothing ? "--dryrun: not taken (it changes nothing)." : "--dryrun: not supported.");
        output.WriteLine();
        Options(output, "OPTIONS:", [.. target.Options, SharedOptions.Verbosity]);
        output.WriteLine($"Usage: ./build.sh --target={target.Name}{string.Concat(target.Options.Select(o => $" [{(o.Kind == OptionKind.Flag ? "--" + o.Name : $"--{o.Name}={o.ValueName}")}]"))}");
    }

    private static void Options(TextWriter output, string title, IReadOnlyList<TargetOption> options)
    {
        output.WriteLine(title);
        var width = options.Max(o => o.Usage.Length);
        foreach (var option in options)
        {
            output.WriteLine($"    {option.Usage.PadRight(width)}    {option.Help}{Detail(option)}");
        }
        output.WriteLine();
    }

    private static string Detail(TargetOption option) => option.Kind switch
    {
        OptionKind.Number => $" ({option.Range}{(option.Default is { } d ? $"; default {d}" : "")})",
        OptionKind.Choice => $" (default {option.Default})",
        _ => option.Repeats ? " (repeatable)" : "",
    };

    private static string Effect(TargetEffect effect) => effect switch
    {
        TargetEffect.Nothing => "nothing (it reads and prints)",
        TargetEffect.Workspace => "the workspace (outputs, pipeline.lock, params.yaml, the local run-cache, or a file it names)",
        _ => "the shared remote",
    };
}
