using Pipeline.Tests.Stages;
using PuppeteerSharp;

namespace Pipeline.Tests.Compare;

/// <summary>
/// compare.html in Debian's chromium, headless, offline (every host unresolvable, every request recorded): each section
/// renders, hovering the overlaid ROC shows the side, a map thumbnail opens the interactive map, a sweep's parallel
/// coordinates draw every point, and hostile names stay text.
/// </summary>
[Collection(CompareGroup.Name)]
public sealed class CompareBrowserTests(CompareScenario scenario)
{
    private static readonly string[] Sections = ["sides", "params", "metrics", "roc", "training", "per-person", "confusion", "taste", "maps", "changed"];

    [SkippableFact]
    public async Task Every_section_renders_offline_and_the_page_requests_nothing()
    {
        BrowserTests.RequireChromium();
        await using var browser = await BrowserTests.Launch();
        var (page, requested) = await Open(browser, scenario.TagHtml);

        foreach (var section in Sections)
        {
            Assert.True(await page.EvaluateExpressionAsync<bool>($"document.getElementById('{section}') !== null && document.getElementById('{section}').offsetHeight > 40"), section);
        }
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length"));
        // Every PNG but roc.png (the ROC is drawn live): the metrics, training, three per-person, two confusion matrices, two maps.
        Assert.Equal(9, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('img[data-figure]').length"));
        Assert.Equal("2", await page.EvaluateExpressionAsync<string>("document.getElementById('roc-plot').dataset.drawn"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#roc-plot .scatterlayer .trace').length - 1"));
        Assert.DoesNotContain(requested, u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Hovering_a_curve_of_the_overlaid_ROC_names_its_side()
    {
        BrowserTests.RequireChromium();
        await using var browser = await BrowserTests.Launch();
        var (page, _) = await Open(browser, scenario.TagHtml);

        foreach (var side in new[] { 0, 1 })
        {
            var (x, y) = await PointOnCurve(page, side);
            await page.Mouse.MoveAsync(x, y);
            await page.WaitForFunctionAsync($"() => document.getElementById('roc-plot').dataset.hovered === '{side}'");
            var label = await page.EvaluateExpressionAsync<string>("document.querySelector('#roc-plot .hoverlayer .hovertext').textContent");
            Assert.Contains(side == 0 ? "v1" : "workspace", label, StringComparison.Ordinal);
            Assert.Contains("true positive rate", label, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_map_thumbnail_opens_that_sides_interactive_map()
    {
        BrowserTests.RequireChromium();
        await using var browser = await BrowserTests.Launch();
        var (page, _) = await Open(browser, scenario.TagHtml);
        var songs = await page.EvaluateExpressionAsync<int>("compareData.maps.sides[1].x.length");
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('map-view').hidden"));

        await page.ClickAsync("button.thumb[data-side='1']");
        await page.WaitForFunctionAsync("() => document.getElementById('map-view').dataset.drawn !== undefined");

        Assert.Equal("1", await page.EvaluateExpressionAsync<string>("document.getElementById('map-view').dataset.side"));
        Assert.Equal(songs.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.EvaluateExpressionAsync<string>("document.getElementById('map-view').dataset.drawn"));
        Assert.Equal(songs, await page.EvaluateExpressionAsync<int>("document.getElementById('map-view').data.reduce((n, t) => n + t.x.length, 0)"));
        Assert.Equal("workspace", await page.EvaluateExpressionAsync<string>("document.querySelector('#map-view .gtitle').textContent"));
    }

    [SkippableFact]
    public async Task A_sweeps_parallel_coordinates_draw_every_point()
    {
        BrowserTests.RequireChromium();
        await using var browser = await BrowserTests.Launch();
        var (page, requested) = await Open(browser, scenario.SweepHtml);
        await page.WaitForFunctionAsync("() => document.getElementById('sweep-parallel').dataset.drawn !== undefined");

        Assert.Equal("4", await page.EvaluateExpressionAsync<string>("document.getElementById('sweep-parallel').dataset.drawn"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#sweep-parallel .y-axis').length"));
        Assert.Equal(4, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#sweep-table tr').length - 1"));
        Assert.DoesNotContain(requested, u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Hostile_names_are_shown_as_text_and_run_nothing()
    {
        BrowserTests.RequireChromium();
        var folder = Directory.CreateTempSubdirectory("compare-hostile-page-").FullName;
        var file = CompareHostileTests.Write(folder);
        await using var browser = await BrowserTests.Launch();
        var dialogs = 0;

        var (page, _) = await Open(browser, file, p => p.Dialog += (_, e) => { dialogs++; _ = e.Dialog.Dismiss(); });
        await page.ClickAsync("button.thumb[data-side='0']");
        await page.WaitForFunctionAsync("() => document.getElementById('map-view').dataset.drawn !== undefined");

        Assert.Equal(CompareHostileTests.HostileLabel, await page.EvaluateExpressionAsync<string>("document.querySelector('#sides-table tr:nth-child(2) td:nth-child(2)').textContent"));
        Assert.Contains(ReportTests.ScriptTitle, await page.EvaluateExpressionAsync<string>("document.getElementById('changed-table').textContent"), StringComparison.Ordinal);
        Assert.Contains(CompareHostileTests.HostileParam, await page.EvaluateExpressionAsync<string>("document.getElementById('params-table').textContent"), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('img:not([data-figure]), main script ~ script, td script, td img').length"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.scripts.length"));
        Assert.Equal(0, dialogs);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The viewport position of the middle point of a side's ROC curve.</summary>
    private static async Task<(decimal X, decimal Y)> PointOnCurve(IPage page, int side)
    {
        var point = await page.EvaluateExpressionAsync<decimal[]>($$"""
            (() => {
              const gd = document.getElementById('roc-plot');
              gd.scrollIntoView();
              const r = compareData.roc[{{side}}], k = Math.floor(r.x.length / 2), fl = gd._fullLayout, box = gd.getBoundingClientRect();
              return [box.left + fl._size.l + fl.xaxis.l2p(r.x[k]), box.top + fl._size.t + fl.yaxis.l2p(r.y[k])];
            })()
            """);
        return (point[0], point[1]);
    }

    private static Task<(IPage Page, List<string> Requested)> Open(IBrowser browser, string file, Action<IPage>? before = null) =>
        BrowserTests.Open(browser, file, before, drawn: "roc-plot");
}
