using System.Globalization;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Spectre.Console;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// --target=Experiments: a row per experiment (its id, commit and message when git has it), the params that
/// differ between rows, and the headline metrics; newest first, or best first by --sort=METRIC (lowest first
/// for a loss or an error).
/// </summary>
internal static class ExperimentsView
{
    public static int Show(IReadOnlyList<ExperimentRow> rows, string? sort, IAnsiConsole console)
    {
        var writer = console.Profile.Out.Writer;
        if (rows.Count == 0)
        {
            writer.WriteLine("No experiments yet: a run that brings every stage up to date (./build.sh) records one.");
            return ExitCodes.Success;
        }
        var metrics = rows.SelectMany(r => r.Metrics.Select(m => m.Name)).Distinct().ToList();
        var ordered = sort is null ? rows : Sorted(rows, sort, metrics);
        var differing = rows.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(k => rows.Select(r => r.Params.GetValueOrDefault(k)).Distinct().Count() > 1).ToList();
        string[] header = ["Experiment", "Commit", .. differing, .. metrics];
        var table = ordered.Select(r => (string[])[
            r.Current ? $"{r.Id} (workspace)" : r.Id,
            r.Commit is null ? "—" : $"{r.Commit} {Clip(r.Subject ?? "")}",
            .. differing.Select(k => r.Params.GetValueOrDefault(k) ?? "—"),
            .. metrics.Select(m => r.Metrics.FirstOrDefault(x => x.Name == m)?.Value ?? "—")]);
        writer.Write(MarkdownTable.Render(header, table));
        return ExitCodes.Success;
    }

    private static string Clip(string subject) => subject.Length <= 48 ? subject : subject[..47] + "…";

    private static List<ExperimentRow> Sorted(IReadOnlyList<ExperimentRow> rows, string metric, List<string> known)
    {
        if (!known.Contains(metric))
        {
            throw new PipelineException($"--sort {metric}: not a metric of these experiments (known: {string.Join(", ", known)})", ExitCodes.BadUsage);
        }
        double? Value(ExperimentRow r) => r.Metrics.FirstOrDefault(m => m.Name == metric) is { } m
            && double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        var lowerIsBetter = metric.Contains("loss", StringComparison.OrdinalIgnoreCase) || metric.Contains("error", StringComparison.OrdinalIgnoreCase);
        var present = rows.Where(r => Value(r) is not null);
        // A tie puts the workspace's own state first.
        var best = (lowerIsBetter ? present.OrderBy(r => Value(r)) : present.OrderByDescending(r => Value(r))).ThenByDescending(r => r.Current);
        return [.. best, .. rows.Where(r => Value(r) is null)];
    }
}
