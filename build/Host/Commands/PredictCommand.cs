using System.Globalization;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Errors;
using Pipeline.Host.Tasks;
using Pipeline.Stages.Predict;

namespace Pipeline.Host.Commands;

/// <summary>./build.sh --target=Predict --input=FILE: whose taste each track fits, on screen and in FILE.predictions.csv.</summary>
internal static class PredictCommand
{
    private static readonly string[] FixedColumns = ["Track", "Artists", "Fits"];

    public static int Run(CommandRequest request)
    {
        if (request.Input is null)
        {
            throw new PipelineException("Predict needs --input=FILE (a CSV or Parquet file of tracks with audio features)", ExitCodes.BadUsage);
        }
        var input = Path.GetFullPath(request.Input, request.Workspace);
        var table = Predictor.Predict(input, request.Input, Path.Combine(request.Workspace, FeaturesTask.Preprocessing),
            Path.Combine(request.Workspace, TrainTask.Model), message => request.Output.WriteLine(message));
        Print(table, request.Output);
        request.Output.WriteLine($"Wrote {Path.GetRelativePath(request.Workspace, table.OutputFile)}");
        return ExitCodes.Success;
    }

    private static void Print(PredictionTable table, TextWriter output)
    {
        var classes = table.Classes.Count;
        var header = FixedColumns.Concat(table.Classes).ToArray();
        var rows = table.Tracks.Select((t, r) =>
        {
            var p = table.Probabilities.AsSpan(r * classes, classes).ToArray();
            var best = Array.IndexOf(p, p.Max());
            return new[] { Clip(t.Name), Clip(t.Artists), table.Classes[best] }
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
