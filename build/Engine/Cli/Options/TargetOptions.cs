using System.Globalization;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Checks the options given against what the chosen target declares: an option it does not take is an error naming
/// the target and what it takes; --dryrun on a target that does not support it is refused; a number or choice
/// outside its range names the option, the text and the range.
/// </summary>
internal static class TargetOptions
{
    public static OptionValues Check(Target target, CommandLine line, IReadOnlyList<TargetOption> global)
    {
        var declared = target.Options.Concat(global).ToList();
        foreach (var name in line.Given.Keys)
        {
            if (declared.Any(o => o.Name == name))
            {
                continue;
            }
            if (name == "dryrun")
            {
                throw new PipelineException(target.Effect == TargetEffect.Nothing
                    ? $"--dryrun: {target.Name} changes nothing, so there is nothing to try; --dryrun is for targets that change something"
                    : $"--dryrun: {target.Name} does not support a dry run (it would have to do what it does to say what it would do)", ExitCodes.BadUsage);
            }
            throw new PipelineException($"--{name} is not an option of {target.Name}; {target.Name} takes {Takes(target)} (see ./build.sh --help --target={target.Name})",
                ExitCodes.BadUsage);
        }
        foreach (var option in declared)
        {
            // The parser knows every target's options at once; whether this one repeats is the target's own.
            if (!option.Repeats && line.Given.GetValueOrDefault(option.Name) is [var first, var second, ..])
            {
                var both = option.Kind == OptionKind.Flag ? "" : $" ({TerminalText.Safe(first)}, then {TerminalText.Safe(second)})";
                throw new PipelineException($"--{option.Name} is given twice{both}; give it once", ExitCodes.BadUsage);
            }
            foreach (var value in line.Given.GetValueOrDefault(option.Name) ?? [])
            {
                CheckValue(option, value);
            }
        }
        return new OptionValues(line.Given, declared);
    }

    /// <summary>"--json, --md and --verbosity", or "no options but --verbosity".</summary>
    public static string Takes(Target target) =>
        target.Options.Count == 0 ? "no options but --verbosity" : string.Join(", ", target.Options.Select(o => "--" + o.Name)) + " and --verbosity";

    private static void CheckValue(TargetOption option, string value)
    {
        var shown = TerminalText.Safe(value);
        switch (option.Kind)
        {
            case OptionKind.Number:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    throw new PipelineException($"--{option.Name} {shown}: not a whole number; give {option.Range}", ExitCodes.BadUsage);
                }
                if (number < option.Min || number > option.Max)
                {
                    throw new PipelineException($"--{option.Name} {shown}: out of range; give {option.Range}", ExitCodes.BadUsage);
                }
                break;
            case OptionKind.Choice when !option.Choices.Contains(value, StringComparer.OrdinalIgnoreCase):
                var nearest = Suggest.Nearest(value, option.Choices);
                throw new PipelineException($"--{option.Name} {shown}: give {Or(option.Choices)}{(nearest is null ? "" : $" (did you mean {nearest}?)")}",
                    ExitCodes.BadUsage);
            case OptionKind.Text when value.Length == 0:
                throw new PipelineException($"--{option.Name} is empty: give <{option.ValueName}>", ExitCodes.BadUsage);
        }
    }

    private static string Or(IReadOnlyList<string> words) => words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
