namespace Pipeline.Engine.Cli;

/// <summary>The command line split into the target and the options given (names without dashes, raw values), before any target checks them.</summary>
internal sealed record CommandLine(string? Target, IReadOnlyDictionary<string, IReadOnlyList<string>> Given)
{
    public bool Has(string name) => Given.ContainsKey(name);

    public IEnumerable<string> OptionsBut(params string[] names) => Given.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal));
}
