using Pipeline.Stages.Embed;
using Pipeline.Stages.Report.Taste;

namespace Pipeline.Stages.Report;

/// <summary>What the report derives from its data, computed once and shared by the figures, report.md and report.html.</summary>
internal sealed record ReportViews(TasteReport Taste, MapView Map, IReadOnlyList<EmbeddedSong> Interactive)
{
    public static ReportViews Of(ReportData data) =>
        new(TasteReport.From(data, ReportText.MisclassifiedRows), MapView.For(data.Embedding), MapView.Interactive(data.Embedding));
}
