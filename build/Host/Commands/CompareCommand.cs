using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Cli;
using Pipeline.Host.Tasks;
using Pipeline.Stages.Compare;

namespace Pipeline.Host.Commands;

/// <summary>
/// ./build.sh --target=Compare: what the engine brought of each side (metrics, test predictions, the model's training
/// history, the map) drawn side by side into reports/compare.html, reports/compare.md and reports/compare/*.png.
/// </summary>
internal static class CompareCommand
{
    public static CompareView View { get; } = new(
        [EvaluateTask.MetricsFile, EvaluateTask.Predictions, TrainTask.Model, EmbedTask.Embedding, EmbedTask.Summary], Render)
    {
        Writes = $"{Comparer.Html}, {Comparer.Markdown} and PNGs in {Comparer.Folder}/",
    };

    private static int Render(CompareRequest request)
    {
        var clock = Stopwatch.StartNew();
        var runs = request.Sides.Select(side => ComparedRun.Load(side.Label, Kind(side.Kind), side.Id, new CompareFiles(side.PathOf(EvaluateTask.MetricsFile),
            side.PathOf(EvaluateTask.Predictions), side.PathOf(TrainTask.Model), side.PathOf(EmbedTask.Embedding), side.PathOf(EmbedTask.Summary))) with
        {
            Commit = side.Commit,
            Params = side.Params,
            Headline = [.. side.Metrics.Select(m => new HeadlineValue(m.Name, m.Value, m.Low, m.High, m.WithinNoise))],
        }).ToList();
        var data = new CompareData(runs, request.DifferingParams)
        {
            Sweep = request.Sweep is { } sweep ? new SweepView(sweep.Id, sweep.Metric, sweep.LowerIsBetter, sweep.Axes,
                [.. sweep.Points.Select(p => new SweepDot(p.Experiment, p.Values, p.Metric, p.Low, p.High, p.Verdict) { Shown = p.Shown })]) : null,
        };
        var figures = Comparer.Write(data, request.Workspace);
        var sides = string.Join(", ", request.Sides.Select((s, i) => $"{i + 1}: {TerminalText.Safe(s.Label)}{(s.Commit is { } c && c != s.Label ? $" ({c})" : "")}"));
        request.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Compared {request.Sides.Count} sides ({sides}): {figures} figures, {Comparer.Markdown} and {Comparer.Html} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    private static string Kind(CompareSideKind kind) => kind switch
    {
        CompareSideKind.Revision => "revision",
        CompareSideKind.Workspace => "workspace",
        _ => "experiment",
    };
}
