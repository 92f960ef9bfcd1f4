using System.Text.Json;
using Pipeline.Engine.Tasks;
using Pipeline.Stages.Fetch;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report;

namespace Pipeline.Host.Tasks;

/// <summary>The report: figures, report.md for pull requests, report.html to explore. It shows every param, so it reads them all.</summary>
[Params("seed", "fetch", "features", "train", "embed")]
[TaskDescription("The report: figures, reports/report.md, reports/report.html (the default target)")]
public sealed class ReportTask : PipelineTask<PipelineParams>
{
    public const string Markdown = "reports/report.md";
    public const string Html = "reports/report.html";
    public const string FiguresFolder = "reports/figures";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) =>
        [EvaluateTask.MetricsFile, EvaluateTask.Predictions, EmbedTask.Embedding, EmbedTask.Summary, TrainTask.Model];

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Markdown, Html, FiguresFolder];

    /// <summary>With --rev, report.md says what changed against that revision, so a pull-request comment can be the report.</summary>
    public override bool ShowsChanges => true;

    public override void Run(StageContext<PipelineParams> context)
    {
        var data = ReportData.Load(context.Input(EvaluateTask.MetricsFile), context.Input(EvaluateTask.Predictions), context.Input(EmbedTask.Embedding),
            context.Input(EmbedTask.Summary), context.Input(TrainTask.Model), JsonSerializer.Serialize(context.Params, ParamsJson.Options)) with
        {
            SourceNote = context.Params.Fetch.Source == "demo"
                ? $"Demo data: each person's songs are drawn from a taste profile ({DemoSource.Profiles(context.Params.Fetch.Users)}) and a mainstream pool everyone hears."
                : null,
        };
        Reporter.Write(data, context.Changes, context.Output(Markdown), context.Output(Html), context.Output(FiguresFolder), context.Log, context.Phases);
    }

    /// <summary>A holder, so System.Text.Json loads when the report runs, not on every start.</summary>
    private static class ParamsJson
    {
        public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
