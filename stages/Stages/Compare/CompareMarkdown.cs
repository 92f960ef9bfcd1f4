using System.Text;
using Pipeline.Stages.Report;

namespace Pipeline.Stages.Compare;

/// <summary>reports/compare.md, for pull requests: every section of compare.html with the figures as PNGs (compare/NAME.png); every cell escaped; byte-stable.</summary>
internal static class CompareMarkdown
{
    public static string Render(CompareData data, CompareViews views, CompareFigureSet figures)
    {
        var text = new StringBuilder();
        text.Append("# Compare: ").Append(string.Join(" · ", CompareTables.SideHeaders(data).Select(Escape.MarkdownCell))).Append("\n\n");
        Table(text, CompareTables.Sides(data));
        text.Append("## Params that differ\n\n");
        if (data.DifferingParams.Count == 0)
        {
            text.Append("Every side ran with the same params.\n\n");
        }
        else
        {
            Table(text, CompareTables.Params(data));
        }
        text.Append("## Headline metrics\n\n").Append(CompareText.MetricsIntro).Append("\n\n");
        Table(text, CompareTables.Metrics(data));
        Images(text, figures, [CompareFigures.Metrics]);
        text.Append("## ROC curves\n\n");
        Images(text, figures, [CompareFigures.Roc]);
        Images(text, figures, [.. figures.Named(n => n.StartsWith("roc-person-", StringComparison.Ordinal))]);
        text.Append("## Training curves\n\n");
        if (figures.Has(CompareFigures.Training))
        {
            Images(text, figures, [CompareFigures.Training]);
        }
        else
        {
            text.Append(CompareText.NoHistory).Append("\n\n");
        }
        text.Append("## Per person\n\n");
        Images(text, figures, [.. CompareFigures.Measures.Select(CompareFigures.PerPerson)]);
        Table(text, CompareTables.PerPerson(data, data.Runs.SelectMany(r => r.Metrics.Classes).Distinct().ToList()));
        text.Append("## Confusion matrices\n\n").Append(CompareText.ConfusionIntro).Append("\n\n");
        Images(text, figures, [.. data.Runs.Select((_, s) => CompareFigures.ConfusionOf(s))]);
        text.Append("## Taste match\n\n").Append(Escape.MarkdownCell(Report.Taste.TasteMatch.Definition)).Append("\n\n");
        Table(text, CompareTables.Taste(data, views));
        text.Append("## Maps\n\n").Append(CompareText.MapsIntro).Append("\n\n");
        Images(text, figures, [.. data.Runs.Select((_, s) => CompareMaps.ThumbnailOf(s))]);
        if (data.Runs.Count >= 2)
        {
            text.Append("## Songs whose predicted person changed\n\n").Append(Escape.MarkdownCell(CompareTables.ChangedLine(data, views, CompareTables.ChangedRowsMarkdown))).Append("\n\n");
            if (views.Changes.Changed.Count > 0)
            {
                Table(text, CompareTables.Changed(data, views, CompareTables.ChangedRowsMarkdown));
            }
        }
        if (data.Sweep is { } sweep)
        {
            text.Append("## Sweep ").Append(Escape.MarkdownCell(sweep.Id)).Append("\n\n").Append(Escape.MarkdownCell(CompareText.SweepIntro(sweep, data.Runs.Count))).Append("\n\n");
            Table(text, CompareTables.Sweep(sweep));
            Images(text, figures, [.. sweep.Axes.Select((_, a) => SweepFigures.AxisOf(a))]);
            Images(text, figures, [SweepFigures.Parallel]);
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Table(StringBuilder text, (string[] Header, List<string[]> Rows) table)
    {
        text.Append("| ").Append(string.Join(" | ", table.Header.Select(Escape.MarkdownCell))).Append(" |\n|")
            .Append(string.Concat(table.Header.Select(_ => "---|"))).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(Escape.MarkdownCell))).Append(" |\n");
        }
        text.Append('\n');
    }

    /// <summary>The figures on one line (GitHub sets them side by side), each linked as compare/NAME.png.</summary>
    private static void Images(StringBuilder text, CompareFigureSet figures, IReadOnlyList<string> names)
    {
        var present = names.Where(figures.Has).ToList();
        if (present.Count > 0)
        {
            text.Append(string.Join(" ", present.Select(n => $"![{CompareText.FigureTitle(n)}](compare/{n})"))).Append("\n\n");
        }
    }
}
