using System.Reflection;
using Pipeline.Engine.Errors;
using Spectre.Console.Cli;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The command line checked before Spectre binds it: an unknown option gets a "did you mean", and an option
/// given twice (two --target) is an error, not a silent last-one-wins. Only --set repeats.
/// </summary>
internal static class ArgsCheck
{
    private static readonly Lazy<IReadOnlyList<(string[] Names, bool Repeats, bool TakesValue)>> Options = new(() =>
        [.. typeof(BuildSettings).GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null)
            .Select(p => (Names: p.Option!.LongNames.Select(n => "--" + n).Concat(p.Option.ShortNames.Select(n => "-" + n)).ToArray(),
                Repeats: p.Property.PropertyType.IsArray, TakesValue: p.Option.ValueName is not null))]);

    public static void Check(IReadOnlyList<string> args)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = Options.Value.SelectMany(o => o.Names).Concat(["--help", "-h", "-?"]).ToList();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-" || double.TryParse(arg, out _))
            {
                continue;
            }
            var name = arg.Split('=', 2)[0];
            var option = Options.Value.FirstOrDefault(o => o.Names.Contains(name, StringComparer.Ordinal));
            if (option.Names is null)
            {
                if (known.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }
                var nearest = Suggest.Nearest(name.TrimStart('-'), known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).Select(k => k[2..]));
                throw new PipelineException(
                    $"unknown option '{name}'{(nearest is null ? "" : $"; did you mean --{nearest}?")} (see ./build.sh --help)", ExitCodes.BadUsage);
            }
            var canonical = option.Names[0];
            var value = arg.Contains('=', StringComparison.Ordinal) ? arg.Split('=', 2)[1]
                : option.TakesValue && i + 1 < args.Count ? args[i + 1] : arg;
            if (!option.Repeats && seen.TryGetValue(canonical, out var first))
            {
                var both = option.TakesValue ? $" ({first}, then {value})" : "";
                throw new PipelineException($"{canonical} is given twice{both}; give it once", ExitCodes.BadUsage);
            }
            seen[canonical] = value;
        }
    }
}
