namespace Pipeline.Engine.Cli;

/// <summary>
/// What the process takes from outside besides its arguments: standard input and environment variables.
/// Stages and commands read them through this, so tests can run many pipelines at once, each with its own.
/// </summary>
public sealed record HostEnvironment(TextReader In, Func<string, string?> Variable)
{
    /// <summary>The real process: Console.In and the environment variables.</summary>
    public static HostEnvironment Process { get; } = new(Console.In, Environment.GetEnvironmentVariable);

    /// <summary>Only the given variables, and standard input at its end unless one is given.</summary>
    public static HostEnvironment Of(IReadOnlyDictionary<string, string> variables, TextReader? input = null) =>
        new(input ?? TextReader.Null, name => variables.GetValueOrDefault(name));
}
