using Pipeline.Engine.Tasks;
using Pipeline.Stages.Fetch.Sources;
using Pipeline.Stages.Parameters;
using Pipeline.Stages.Report;

namespace Pipeline.Host.Tasks;

/// <summary>
/// The report: figures, report.md for pull requests, report.html to explore. Its params table shows values from
/// every section, so it declares them all: a report restored from the run-cache never shows stale params.
/// </summary>
[Params("seed", "fetch", "features", "train", "evaluate", "embed")]
[TaskDescription("The report: figures, reports/report.md, reports/report.html (the default target)")]
public sealed class ReportTask : PipelineTask<PipelineParams>
{
    public const string Markdown = "reports/report.md";
    public const string Html = "reports/report.html";
    public const string FiguresFolder = "reports/figures";

    public override IReadOnlyList<string> Deps(PipelineParams parameters) =>
        [EvaluateTask.MetricsFile, EvaluateTask.Predictions, EmbedTask.Embedding, EmbedTask.Summary, TrainTask.Model, FetchTask.Tracks, FetchTask.Summary];

    public override IReadOnlyList<string> Outs(PipelineParams parameters) => [Markdown, Html, FiguresFolder];

    /// <summary>With --rev, report.md says what changed against that revision, so a pull-request comment can be the report.</summary>
    public override bool ShowsChanges => true;

    public override void Run(StageContext<PipelineParams> context)
    {
        var inputs = new ReportInputs(context.Input(EvaluateTask.MetricsFile), context.Input(EvaluateTask.Predictions), context.Input(EmbedTask.Embedding),
            context.Input(EmbedTask.Summary), context.Input(TrainTask.Model), context.Input(FetchTask.Tracks), context.Input(FetchTask.Summary));
        var data = ReportData.Load(inputs, context.Params) with
        {
            SourceNote = Sources.Find(context.Params.Fetch.Source).Note(context.Params.Fetch),
        };
        Reporter.Write(data, context.Changes, context.Output(Markdown), context.Output(Html), context.Output(FiguresFolder), context.Log, context.Phases);
    }
}
