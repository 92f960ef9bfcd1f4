using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The one parser: Cake's <c>--name=value</c>, <c>--name value</c>, <c>-t value</c>, flags, and the target as
/// <c>--target=T</c> or a bare word. It knows every option any target takes (so a typo gets a "did you mean"
/// wherever it is made); which of them the chosen target accepts is <see cref="TargetOptions"/>' check.
/// An option given twice is an error, except one that repeats (--set).
/// </summary>
internal static class ArgsParser
{
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<TargetOption> known)
    {
        var byName = known.ToDictionary(o => "--" + o.Name, StringComparer.Ordinal);
        foreach (var option in known.Where(o => o.Alias is not null))
        {
            byName["-" + option.Alias] = option;
        }
        byName["-h"] = byName["-?"] = byName["--help"];
        var given = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? positional = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                positional = positional is null ? arg
                    : throw new PipelineException($"'{TerminalText.Safe(arg)}': one target only ({positional} is given already); options start with --", ExitCodes.BadUsage);
                continue;
            }
            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!byName.TryGetValue(name, out var option))
            {
                throw Unknown(name, known);
            }
            string value;
            if (option.Kind == OptionKind.Flag)
            {
                value = inline is null ? "true" : throw new PipelineException($"--{option.Name} takes no value (given '{TerminalText.Safe(inline)}')", ExitCodes.BadUsage);
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new PipelineException($"--{option.Name} needs a value: --{option.Name}=<{option.ValueName}>", ExitCodes.BadUsage);
            }
            if (given.TryGetValue(option.Name, out var values) && !option.Repeats)
            {
                var both = option.Kind == OptionKind.Flag ? "" : $" ({TerminalText.Safe(values[0])}, then {TerminalText.Safe(value)})";
                throw new PipelineException($"--{option.Name} is given twice{both}; give it once", ExitCodes.BadUsage);
            }
            (given.TryGetValue(option.Name, out var list) ? list : given[option.Name] = []).Add(value);
        }
        if (positional is not null && given.Remove("target", out var flagged))
        {
            throw new PipelineException($"--target is given twice ({TerminalText.Safe(positional)}, then {TerminalText.Safe(flagged[0])}); give it once", ExitCodes.BadUsage);
        }
        var target = positional ?? (given.Remove("target", out var named) ? named[0] : null);
        return new CommandLine(target, given.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Value, StringComparer.Ordinal));
    }

    private static PipelineException Unknown(string name, IReadOnlyCollection<TargetOption> known)
    {
        var nearest = Suggest.Nearest(name.TrimStart('-'), known.Select(k => k.Name));
        return new PipelineException(
            $"unknown option '{TerminalText.Safe(name)}'{(nearest is null ? "" : $"; did you mean --{nearest}?")} (see ./build.sh --help)", ExitCodes.BadUsage);
    }
}
