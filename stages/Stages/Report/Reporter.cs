namespace Pipeline.Stages.Report;

/// <summary>The Report stage: figures, report.md and report.html from what the earlier stages wrote.</summary>
public static class Reporter
{
    /// <param name="changes">Markdown of what changed against a revision (a section of report.md), or null.</param>
    public static void Write(ReportData data, string? changes, string markdownPath, string htmlPath, string figuresFolder, Action<string> log)
    {
        var figures = Figures.DrawAll(data, figuresFolder);
        File.WriteAllText(markdownPath, MarkdownReport.Render(data, figures, changes));
        File.WriteAllText(htmlPath, HtmlReport.Render(data, figures, figuresFolder));
        log($"{figures.Count} figures, report.md and report.html ({data.Mistakes} misclassified test songs)");
    }
}
