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
    private readonly SweepTally tally = new(total);
    private readonly SortedDictionary<int, (SweepPoint Point, Stopwatch Clock)> running = [];
    private readonly List<PointResult> ended = [];
    private readonly List<string> said = [];
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
            tally.Earlier(count);
        }
        Refresh();
    }

    public void Started(SweepPoint point)
    {
        lock (gate)
        {
            running[point.Index] = (point, Stopwatch.StartNew());
            tally.Started();
        }
        Refresh();
    }

    public void Finished(PointResult result)
    {
        lock (gate)
        {
            running.Remove(result.Point.Index);
            tally.Finished(result);
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
                    Cell(PhaseLine.Seconds(watch.Elapsed)), Cell(""));
            }
            foreach (var result in ended.Take(Latest))
            {
                var failedHere = result.Status == PointStatus.Failed;
                var value = metric is not null && result.Metrics.TryGetValue(metric, out var v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";
                table.AddRow(Cell(result.Point.Index.ToString(CultureInfo.InvariantCulture)), Cell(result.Point.Label),
                    failedHere ? new Markup("[red]FAILED[/]") : new Markup("[green]done[/]"), Cell(PhaseLine.Seconds(result.Elapsed)),
                    Cell(failedHere ? $"{result.Error} ({result.Log})" : value));
            }
            table.Caption(Markup.Escape(tally.ToString()));
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
