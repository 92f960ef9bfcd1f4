using System.Globalization;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Host.Tasks;
using Pipeline.Stages.Predict;

namespace Pipeline.Host.Commands;

/// <summary>
/// ./build.sh --target=Predict --input=FILE [--top=N]: whose taste each track fits. The terminal shows the first
/// N rows (20 by default), FILE.predictions.csv has them all; it says which model it used, and warns when that
/// model is stale against params.yaml.
/// </summary>
internal static class PredictCommand
{
    private const int DefaultTop = 20;
    private static readonly string[] FixedColumns = ["Track", "Artists", "Fits"];

    /// <summary>What Predict takes: the file, and how many rows the terminal shows.</summary>
    public static IReadOnlyList<TargetOption> Options { get; } =
    [
        TargetOption.Text("input", "FILE", "The CSV or Parquet file of tracks with audio features (a workspace path)"),
        TargetOption.Number("top", "N", 0, int.MaxValue, "The rows shown on the terminal; the file always has them all", DefaultTop),
    ];

    public static int Run(CommandRequest request)
    {
        var given = request.Options.Text("input")
            ?? throw new PipelineException("Predict needs --input=FILE (a CSV or Parquet file of tracks with audio features)", ExitCodes.BadUsage);
        var model = Path.Combine(request.Workspace, TrainTask.Model);
        request.Output.WriteLine($"Using the model in {TrainTask.Model} ({ModelSummary(model)})");
        var stale = request.StaleReasons("Train");
        if (stale.Count > 0)
        {
            request.Errors.WriteLine(TerminalText.Safe(
                $"warning: the model is stale against params.yaml ({string.Join("; ", stale)}); ./build.sh --target=Train brings it up to date", keepNewlines: true));
        }
        var input = Path.GetFullPath(given, request.Workspace);
        var table = Predictor.Predict(input, given, Path.Combine(request.Workspace, FeaturesTask.Preprocessing), model,
            message => request.Errors.WriteLine(TerminalText.Safe(message.StartsWith("warning: ", StringComparison.Ordinal) ? message : $"warning: {message}", keepNewlines: true)));
        var top = request.Options.Number("top") ?? DefaultTop;
        Print(table, top, request.Output);
        var written = Path.GetRelativePath(request.Workspace, table.OutputFile);
        request.Output.WriteLine(table.Tracks.Count > top
            ? $"Showed {top} of {table.Tracks.Count} songs; all are in {written}"
            : $"Wrote {written}");
        return ExitCodes.Success;
    }

    private static string ModelSummary(string modelDir)
    {
        var manifest = Path.Combine(modelDir, "model.json");
        if (!File.Exists(manifest))
        {
            return "not trained yet";
        }
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
            return document.RootElement.TryGetProperty("kind", out var kind) ? $"{kind.GetString()}, trained {File.GetLastWriteTimeUtc(manifest):yyyy-MM-dd HH:mm} UTC" : "unknown kind";
        }
        catch (System.Text.Json.JsonException)
        {
            return "damaged";
        }
    }

    private static void Print(PredictionTable table, int top, TextWriter output)
    {
        var classes = table.Classes.Count;
        var header = FixedColumns.Concat(table.Classes.Select(c => TerminalText.Safe(c))).ToArray();
        var rows = table.Tracks.Take(top).Select((t, r) =>
        {
            var p = table.Probabilities.AsSpan(r * classes, classes).ToArray();
            var best = Array.IndexOf(p, p.Max());
            return new[] { Clip(TerminalText.Safe(t.Name)), Clip(TerminalText.Safe(t.Artists)), TerminalText.Safe(table.Classes[best]) }
                .Concat(p.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture))).ToArray();
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => i >= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
