using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Sweeps;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipeline.Engine.Cli;

/// <summary>
/// A sweep on a terminal: one live table, redrawn as points start and end and once a second: the points running (with
/// their time so far), the latest that ended (done with the headline metric, or FAILED with the error), and a line of
/// counts: done, failed, running, queued, elapsed and the time left. The ranked table follows when the sweep ends.
/// </summary>
internal sealed class SweepLiveView(IAnsiConsole console, string sweep, int total, string? metric) : ISweepView
{
    private const int Latest = 8;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly SortedDictionary<int, (SweepPoint Point, Stopwatch Clock)> running = [];
    private readonly List<PointResult> ended = [];
    private readonly List<string> said = [];
    private int done, failed, ranHere;
    private LiveDisplayContext? live;

    public void Around(Action body) =>
        console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(context =>
        {
            lock (gate)
            {
                live = context;
            }
            using var tick = new Timer(_ => Refresh(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            body();
            Refresh();
        });

    public void Earlier(int count)
    {
        lock (gate)
        {
            done += count;
        }
        Refresh();
    }

    public void Started(SweepPoint point)
    {
        lock (gate)
        {
            running[point.Index] = (point, Stopwatch.StartNew());
        }
        Refresh();
    }

    public void Finished(PointResult result)
    {
        lock (gate)
        {
            running.Remove(result.Point.Index);
            ranHere++;
            _ = result.Status == PointStatus.Failed ? failed++ : done++;
            ended.Insert(0, result);
        }
        Refresh();
    }

    public void Say(string line)
    {
        lock (gate)
        {
            said.Add(line);
        }
        Refresh();
    }

    /// <summary>The table as it stands (public for the test that draws it).</summary>
    public IRenderable Render()
    {
        lock (gate)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Sweep {sweep}"))
                .AddColumns("Point", "Params", "State", "Time", Markup.Escape(metric ?? "Metric"));
            foreach (var (index, (point, watch)) in running)
            {
                table.AddRow(Cell(index.ToString(CultureInfo.InvariantCulture)), Cell(point.Label), new Markup("[yellow]running[/]"),
                    Cell(SweepProgress.Seconds(watch.Elapsed)), Cell(""));
            }
            foreach (var result in ended.Take(Latest))
            {
                var failedHere = result.Status == PointStatus.Failed;
                var value = metric is not null && result.Metrics.TryGetValue(metric, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";
                table.AddRow(Cell(result.Point.Index.ToString(CultureInfo.InvariantCulture)), Cell(result.Point.Label),
                    failedHere ? new Markup("[red]FAILED[/]") : new Markup("[green]done[/]"), Cell(SweepProgress.Seconds(result.Elapsed)),
                    Cell(failedHere ? $"{result.Error} ({result.Log})" : value));
            }
            table.Caption(Markup.Escape(SweepProgress.Counts(done, failed, running.Count, total, clock.Elapsed, ranHere)));
            return said.Count == 0 ? table : new Rows([.. said.TakeLast(3).Select(Cell), table]);
        }
    }

    private void Refresh()
    {
        LiveDisplayContext? context;
        lock (gate)
        {
            context = live;
        }
        if (context is not null)
        {
            context.UpdateTarget(Render());
        }
    }

    private static Text Cell(string text) => new(TerminalText.Safe(text));
}
