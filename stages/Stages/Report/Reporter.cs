namespace Pipeline.Stages.Report;

/// <summary>The Report stage: figures, report.md and report.html from what the earlier stages wrote.</summary>
public static class Reporter
{
    /// <param name="changes">Markdown of what changed against a revision (a section of report.md), or null.</param>
    public static void Write(ReportData data, string? changes, string markdownPath, string htmlPath, string figuresFolder, Action<string> log,
        IProgress<(string Phase, long Done, long Total)>? phases = null)
    {
        var views = ReportViews.Of(data);
        var figures = Figures.DrawAll(data, views, figuresFolder, done => phases?.Report(("figures", done, Figures.Count)));
        phases?.Report(("pages", 0, 2));
        File.WriteAllText(markdownPath, MarkdownReport.Render(data, views, figures, changes));
        phases?.Report(("pages", 1, 2));
        File.WriteAllText(htmlPath, HtmlReport.Render(data, views, figures, figuresFolder));
        phases?.Report(("pages", 2, 2));
        log($"{figures.Count} figures, report.md and report.html ({data.Mistakes} misclassified test songs)");
    }
}
