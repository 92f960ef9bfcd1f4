using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Running;

namespace Pipeline.Engine.Cli;

/// <summary>"Changes against REV" for a report: the MetricsDiff and ParamsDiff tables, as Markdown.</summary>
internal static class ChangesSection
{
    public static Comparison For(Workspace workspace, StageGraph graph, string rev, IReadOnlyDictionary<string, string> fileParams) =>
        new(rev, () => $"## Changes against {MarkdownTable.Escape(rev)}\n\n### Metrics\n\n{MetricsViews.DiffMarkdown(workspace, graph, rev, all: false)}\n" +
                       $"### Params\n\n{ParamsDiffView.Text(workspace, graph, rev, fileParams, all: false)}");
}
