using System.Globalization;

namespace Pipeline.Engine.Cli;

/// <summary>The options given to a target, checked against what it declares and typed: read them by name, without dashes.</summary>
public sealed class OptionValues
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> given;
    private readonly Dictionary<string, TargetOption> declared;

    internal OptionValues(IReadOnlyDictionary<string, IReadOnlyList<string>> given, IEnumerable<TargetOption> declared)
    {
        this.given = given;
        this.declared = declared.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public static OptionValues None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    public bool Given(string name) => given.ContainsKey(Declared(name).Name);

    public bool Flag(string name) => Given(name);

    /// <summary>The text given, or the option's default.</summary>
    public string? Text(string name) => given.TryGetValue(Declared(name).Name, out var values) ? values[^1] : declared[name].Default;

    /// <summary>The number given (already checked against its range), or the option's default.</summary>
    public int? Number(string name) => Text(name) is { } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> All(string name) => given.TryGetValue(Declared(name).Name, out var values) ? values : [];

    private TargetOption Declared(string name) =>
        declared.TryGetValue(name, out var option) ? option
        : throw new InvalidOperationException($"the target reads --{name}, which it does not declare");
}
