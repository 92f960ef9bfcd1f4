using System.Globalization;

namespace Pipeline.Engine.Cli;

/// <summary>The kind of value an option takes.</summary>
public enum OptionKind
{
    /// <summary>Given or not: --force.</summary>
    Flag,

    /// <summary>A word or a path: --input=FILE.</summary>
    Text,

    /// <summary>A whole number within a range: --jobs=N.</summary>
    Number,

    /// <summary>One of a few words: --verbosity=quiet|normal|verbose.</summary>
    Choice,
}

/// <summary>
/// An option a target takes: its name, what value it takes, its range or choices, its default and its help line.
/// A name means the same on every target that takes it (the registry checks it).
/// </summary>
public sealed record TargetOption(string Name, OptionKind Kind, string Help)
{
    /// <summary>A one-letter alias, as Cake's -t and -e.</summary>
    public char? Alias { get; init; }

    /// <summary>How help names the value: FILE, N, KEY=VALUE.</summary>
    public string ValueName { get; init; } = "VALUE";

    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>May be given more than once (--set).</summary>
    public bool Repeats { get; init; }

    /// <summary>The value when the option is not given, as text (help shows it).</summary>
    public string? Default { get; init; }

    public string Spelling => Alias is { } s ? $"-{s}, --{Name}" : $"--{Name}";

    public string Usage => Kind == OptionKind.Flag ? Spelling : $"{Spelling} <{ValueName}>";

    /// <summary>The range a number takes, as help and errors say it.</summary>
    public string Range => Max == int.MaxValue ? $"{Min} or more" : $"{Min} to {Max.ToString("N0", CultureInfo.InvariantCulture)}";

    public static TargetOption Flag(string name, string help, char? shortName = null) => new(name, OptionKind.Flag, help) { Alias = shortName };

    public static TargetOption Text(string name, string valueName, string help) => new(name, OptionKind.Text, help) { ValueName = valueName };

    public static TargetOption Number(string name, string valueName, int min, int max, string help, int? fallback = null) =>
        new(name, OptionKind.Number, help) { ValueName = valueName, Min = min, Max = max, Default = fallback?.ToString(CultureInfo.InvariantCulture) };

    public static TargetOption Choice(string name, string valueName, IReadOnlyList<string> choices, string help, string fallback) =>
        new(name, OptionKind.Choice, help) { ValueName = valueName, Choices = choices, Default = fallback };
}

/// <summary>What a target may change; a target that changes something and takes --dryrun changes nothing under it.</summary>
public enum TargetEffect
{
    /// <summary>Reads and prints: a view.</summary>
    Nothing,

    /// <summary>Writes in the workspace: outputs, the lock, params.yaml, the local run-cache, a token file.</summary>
    Workspace,

    /// <summary>Writes to the shared remote.</summary>
    Remote,
}
