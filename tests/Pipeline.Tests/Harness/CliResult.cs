using System.Text.RegularExpressions;

namespace Pipeline.Tests.Harness;

/// <summary>What a run printed, and the stage outcomes read off its summary table.</summary>
public sealed partial record CliResult(int ExitCode, string Out, string Err)
{
    public IReadOnlyDictionary<string, string> Outcomes =>
        SummaryRow().Matches(Out).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    public string Outcome(string stage) => Outcomes.TryGetValue(stage, out var o) ? o : $"(no row for {stage} in:\n{Out}\n{Err})";

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- err\n{Err}";

    [GeneratedRegex(@"^\W*(\w+)\s*\W+\s*(Ran|Skipped|Restored|Pulled|Failed|Not run)\s*\W", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();
}
