using System.Diagnostics;
using System.Text.Json;
using Pipeline.Stages.Embed;
using Pipeline.Stages.Report;
using Pipeline.Tests.Harness;
using PuppeteerSharp;

namespace Pipeline.Tests.Stages;

/// <summary>
/// The HTML report in a real browser: Debian's chromium, headless, driven by PuppeteerSharp, opening the file
/// from disk with every host name unresolvable and every request recorded. CI installs chromium (no chromium
/// there is a failure); elsewhere the tests are skipped.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The browser itself: /usr/bin/chromium is a shell launcher, which PuppeteerSharp cannot drive.</summary>
    private const string ChromiumBinary = "/usr/lib/chromium/chromium";

    /// <summary>A hang guard, not a measure: a busy CI machine can be slow.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 200));

    public void Dispose() => workspace.Dispose();

    [SkippableFact]
    public async Task The_report_draws_every_song_on_its_map_offline_and_requests_nothing()
    {
        RequireChromium();
        var run = workspace.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(workspace.PathOf("reports/embedding.json")));
        var songs = summary.RootElement.GetProperty("n").GetInt32();

        await using var browser = await Launch();
        var (page, requested) = await Open(browser, workspace.PathOf("reports/report.html"));

        Assert.Equal(songs.ToString(System.Globalization.CultureInfo.InvariantCulture), await MapDrawn(page));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.getElementById('songs-map').data.length - 1"));
        Assert.DoesNotContain(requested, u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Answering_the_quiz_reveals_each_songs_owner_and_the_models_guess_then_the_score()
    {
        RequireChromium();
        Assert.True(workspace.Run().ExitCode == 0);
        await using var browser = await Launch();
        var (page, _) = await Open(browser, workspace.PathOf("reports/report.html"));
        var truths = await page.EvaluateExpressionAsync<string[]>("quizData.songs.map(s => s.truth)");
        var models = await page.EvaluateExpressionAsync<string[]>("quizData.songs.map(s => s.model)");
        Assert.Equal(10, truths.Length);

        for (var i = 1; i <= truths.Length; i++)
        {
            Assert.Equal("", await page.EvaluateExpressionAsync<string>($"document.querySelector('#quiz-{i} .reveal').textContent"));
            await page.ClickAsync($"#quiz-{i} button.choice");
            var reveal = await page.EvaluateExpressionAsync<string>($"document.querySelector('#quiz-{i} .reveal').textContent");
            Assert.Contains($"it is {truths[i - 1]}'s. The model said {models[i - 1]} (", reveal, StringComparison.Ordinal);
            Assert.True(await page.EvaluateExpressionAsync<bool>($"[...document.querySelectorAll('#quiz-{i} button')].every(b => b.disabled)"));
        }
        var guessed = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.quiz button.choice')].filter((b, i) => i % 2 === 0).map(b => b.textContent)");
        var right = guessed.Where((g, i) => g == truths[i]).Count();
        var modelRight = truths.Where((t, i) => t == models[i]).Count();
        Assert.Equal($"You got {right} of 10; the model got {modelRight}.", await page.EvaluateExpressionAsync<string>("document.getElementById('quiz-score').textContent"));
    }

    [SkippableFact]
    public async Task A_hostile_title_in_the_quiz_and_the_map_is_shown_as_text_and_runs_nothing()
    {
        RequireChromium();
        var folder = Directory.CreateTempSubdirectory("report-hostile-").FullName;
        var file = Path.Combine(folder, "report.html");
        // Eight more songs: ten test songs in all, so the quiz holds every one, the hostile one too.
        File.WriteAllText(file, HtmlReport.Render(ReportTests.Data(songs: 8), [], folder));
        await using var browser = await Launch();
        var dialogs = 0;

        var (page, _) = await Open(browser, file, p => p.Dialog += (_, e) => { dialogs++; _ = e.Dialog.Dismiss(); });

        var titles = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#quiz .song b')].map(b => b.textContent)");
        Assert.Contains(ReportTests.ScriptTitle, titles);
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#quiz script, #quiz img').length"));
        Assert.Equal(0, dialogs);
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task A_map_of_40000_songs_opens_thinned_to_its_limit_in_a_small_page()
    {
        RequireChromium();
        var folder = Directory.CreateTempSubdirectory("report-40k-").FullName;
        var file = Path.Combine(folder, "report.html");
        var data = Large(40_000);
        File.WriteAllText(file, HtmlReport.Render(data, [], folder));
        await using var browser = await Launch();

        var clock = Stopwatch.StartNew();
        var (page, _) = await Open(browser, file);
        clock.Stop();

        Assert.Equal(MapView.InteractiveLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), await MapDrawn(page));
        Assert.True(new FileInfo(file).Length < 5_000_000, $"report.html is {new FileInfo(file).Length:N0} bytes");
        Assert.Contains("The interactive map shows 20,000 of the 40,000 songs", await page.EvaluateExpressionAsync<string>("document.body.textContent"), StringComparison.Ordinal);
        Console.WriteLine($"40,000-song map: drawn in {clock.Elapsed.TotalSeconds:0.00} s, report.html {new FileInfo(file).Length / 1e6:0.00} MB");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The hand-made report with <paramref name="n"/> songs on the map, a tenth of them test songs, spread over a square.</summary>
    private static ReportData Large(int n)
    {
        var random = new Random(7);
        var songs = Enumerable.Range(0, n).Select(i => new EmbeddedSong($"Song {i}", $"Artist {i % 900}", i % 2 == 0 ? "amelia" : "paulo",
            random.NextDouble() < 0.3 ? "paulo" : "amelia", 0.7, i % 10 == 0 ? "test" : "train", (random.NextDouble() * 100) - 50, (random.NextDouble() * 100) - 50)).ToList();
        return ReportTests.Data() with { Embedding = songs };
    }

    internal static void RequireChromium()
    {
        var inCi = Environment.GetEnvironmentVariable("CI") == "true";
        Assert.False(inCi && !File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs Debian's chromium");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); skipping the real-browser tests");
    }

    internal static Task<IBrowser> Launch() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = ChromiumBinary,
        Headless = true,
        Timeout = (int)Guard.TotalMilliseconds,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--host-resolver-rules=\"MAP * ~NOTFOUND\""],
    });

    /// <summary>Opens the file, records every request the page makes, and waits for the plot with id <paramref name="drawn"/> to say it has drawn.</summary>
    internal static async Task<(IPage Page, List<string> Requested)> Open(IBrowser browser, string file, Action<IPage>? before = null, string drawn = "songs-map")
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
        page.DefaultTimeout = (int)Guard.TotalMilliseconds;
        var requested = new List<string>();
        page.Request += (_, e) => requested.Add(e.Request.Url);
        before?.Invoke(page);
        await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForFunctionAsync($"() => document.getElementById('{drawn}').dataset.drawn !== undefined");
        return (page, requested);
    }

    private static Task<string> MapDrawn(IPage page) => page.EvaluateExpressionAsync<string>("document.getElementById('songs-map').dataset.drawn");
}
