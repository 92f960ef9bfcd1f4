namespace Pipeline.Stages.Report;

/// <summary>The Report stage: figures, report.md and report.html from what the earlier stages wrote.</summary>
public static class Reporter
{
    public static void Write(ReportData data, string markdownPath, string htmlPath, string figuresFolder, Action<string> log)
    {
        var figures = Figures.DrawAll(data, figuresFolder);
        File.WriteAllText(markdownPath, MarkdownReport.Render(data, figures));
        File.WriteAllText(htmlPath, HtmlReport.Render(data, figures, figuresFolder));
        log($"{figures.Count} figures, report.md and report.html ({data.Mistakes} misclassified test songs)");
    }
}
