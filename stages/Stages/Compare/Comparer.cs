using System.Globalization;
using Pipeline.Stages.Report;

namespace Pipeline.Stages.Compare;

/// <summary>
/// Compare's outputs: reports/compare.md (for pull requests), reports/compare.html (self-contained, offline) and the PNGs
/// under reports/compare/. Everything is written beside its place first and moved in at the end, so a failed or killed
/// Compare leaves the previous comparison whole. The same runs give the same bytes.
/// </summary>
public static class Comparer
{
    public const string Markdown = "reports/compare.md";
    public const string Html = "reports/compare.html";
    public const string Folder = "reports/compare";

    /// <summary>Draws and writes the comparison into <paramref name="workspace"/>; returns the figures' count.</summary>
    public static int Write(CompareData data, string workspace)
    {
        FigureFont.Register();
        var views = CompareViews.Of(data);
        var suffix = string.Create(CultureInfo.InvariantCulture, $".{Environment.ProcessId}.tmp");
        var folder = Path.Combine(workspace, Folder);
        var temp = folder + suffix;
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        Directory.CreateDirectory(temp);
        var figures = CompareFigureSet.Plan(data, views);
        Parallel.ForEach(figures.Drawings, drawing => drawing.Draw(Path.Combine(temp, drawing.Name)));
        var (markdown, html) = (Path.Combine(workspace, Markdown), Path.Combine(workspace, Html));
        File.WriteAllText(markdown + suffix, CompareMarkdown.Render(data, views, figures));
        File.WriteAllText(html + suffix, CompareHtml.Render(data, views, figures, temp));
        var old = folder + ".old" + suffix;
        if (Directory.Exists(folder))
        {
            Directory.Move(folder, old);
        }
        Directory.Move(temp, folder);
        File.Move(markdown + suffix, markdown, overwrite: true);
        File.Move(html + suffix, html, overwrite: true);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
        return figures.Drawings.Count;
    }
}

/// <summary>Which PNGs a comparison has, by section, and how each is drawn.</summary>
internal sealed record CompareFigureSet(IReadOnlyList<FigureDrawing> Drawings)
{
    public IEnumerable<string> Named(Func<string, bool> which) => Drawings.Select(d => d.Name).Where(which);

    public bool Has(string name) => Drawings.Any(d => d.Name == name);

    public static CompareFigureSet Plan(CompareData data, CompareViews views)
    {
        var people = data.Runs.SelectMany(r => r.Metrics.Classes).Distinct().ToList();
        var drawings = new List<FigureDrawing>
        {
            new(CompareFigures.Metrics, path => CompareFigures.DrawMetrics(data, path)),
            new(CompareFigures.Roc, path => CompareFigures.DrawRoc(views.Roc, people.Count == 2
                ? $"ROC: {CompareFigures.Short(people[1])} against {CompareFigures.Short(people[0])}" : "ROC: every person against the rest, pooled", path)),
        };
        drawings.AddRange(views.RocPerPerson.Select((p, i) => new FigureDrawing(CompareFigures.RocOf(i),
            path => CompareFigures.DrawRoc(p.Lines, $"{CompareFigures.Short(p.Person)} against the rest", path, 420, 400))));
        if (data.Runs.Any(r => r.History is not null))
        {
            drawings.Add(new(CompareFigures.Training, path => CompareFigures.DrawTraining(data, path)));
        }
        drawings.AddRange(CompareFigures.Measures.Select(m => new FigureDrawing(CompareFigures.PerPerson(m), path => CompareFigures.DrawPerPerson(data, people, m, path))));
        drawings.AddRange(data.Runs.Select((r, s) => new FigureDrawing(CompareFigures.ConfusionOf(s), path => CompareFigures.DrawConfusion(r, s, path))));
        drawings.AddRange(data.Runs.Select((r, s) => new FigureDrawing(CompareMaps.ThumbnailOf(s), path => CompareMaps.DrawThumbnail(r, s, people, path))));
        if (data.Sweep is { } sweep)
        {
            drawings.AddRange(sweep.Axes.Select((_, a) => new FigureDrawing(SweepFigures.AxisOf(a), path => SweepFigures.DrawAxis(sweep, a, path))));
            drawings.Add(new(SweepFigures.Parallel, path => SweepFigures.DrawParallel(sweep, path)));
        }
        return new CompareFigureSet(drawings);
    }
}

internal sealed record FigureDrawing(string Name, Action<string> Draw);
