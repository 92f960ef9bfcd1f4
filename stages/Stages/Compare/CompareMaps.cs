using Pipeline.Stages.Embed;
using Pipeline.Stages.Report;
using ScottPlot;

namespace Pipeline.Stages.Compare;

/// <summary>Each side's map as a thumbnail: the same people in the same colours on every side (framed as report.html frames its map).</summary>
internal static class CompareMaps
{
    public static string ThumbnailOf(int side) => $"map-{side + 1}.png";

    public static void DrawThumbnail(ComparedRun run, int side, IReadOnlyList<string> people, string path)
    {
        var view = MapView.For(run.Map);
        var plot = Figures.NewPlot(CompareFigures.Short(run.Label), "", "");
        plot.Axes.Title.Label.ForeColor = SidePalette.ColorOf(side);
        for (var p = 0; p < people.Count; p++)
        {
            var songs = run.Map.Where(s => s.User == people[p]).ToList();
            var points = plot.Add.ScatterPoints(songs.Select(s => s.X).ToArray(), songs.Select(s => s.Y).ToArray());
            points.Color = Report.Palette.ColorOf(p).WithAlpha(view.Opacity);
            points.MarkerSize = (float)Math.Max(2, view.MarkerSize * 0.7);
            points.LegendText = CompareFigures.Short(people[p]);
        }
        plot.Axes.SetLimits(view.XMin, view.XMax, view.YMin, view.YMax);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.IsVisible = false;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }
        plot.ShowLegend(Alignment.UpperRight);
        CompareFigures.Save(plot, path, 420, 380);
    }

    /// <summary>The songs every interactive map carries, as compact JSON: one shared table of titles and artists, each side's points by index into it.</summary>
    public static object Payload(CompareData data, IReadOnlyList<IReadOnlyList<EmbeddedSong>> shown, IReadOnlyList<string> people)
    {
        var texts = shown.SelectMany(s => s).SelectMany(s => new[] { Escape.Clean(s.Name), Escape.Clean(s.Artists) }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var person = people.Select((p, i) => (p, i)).ToDictionary(p => p.p, p => p.i, StringComparer.Ordinal);
        return new
        {
            texts,
            people = people.Select(Escape.Clean),
            colors = people.Select((_, i) => Report.Palette.HexOf(i)),
            sides = shown.Select((songs, s) =>
            {
                var view = MapView.For(data.Runs[s].Map);
                return new
                {
                    label = Escape.Clean(data.Runs[s].Label),
                    color = SidePalette.HexOf(s),
                    songs = data.Runs[s].Map.Count,
                    frame = new[] { Round(view.XMin), Round(view.XMax), Round(view.YMin), Round(view.YMax) },
                    x = songs.Select(p => Round(p.X)),
                    y = songs.Select(p => Round(p.Y)),
                    name = songs.Select(p => index[Escape.Clean(p.Name)]),
                    artist = songs.Select(p => index[Escape.Clean(p.Artists)]),
                    who = songs.Select(p => person.GetValueOrDefault(p.User, -1)),
                    pick = songs.Select(p => person.GetValueOrDefault(p.PredictedUser, -1)),
                };
            }),
        };
    }

    private static double Round(double value) => Math.Round(value, 2);
}
