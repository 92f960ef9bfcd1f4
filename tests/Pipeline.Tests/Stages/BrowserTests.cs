using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages;

/// <summary>
/// The HTML report in a real browser: Debian's chromium, headless, opening the file from disk with every
/// host name unresolvable. CI installs chromium (no chromium there is a failure); elsewhere the test is skipped.
/// </summary>
public sealed partial class BrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Chromium's own services (updates, time, accounts), which it calls whatever page it shows.</summary>
    private static readonly string[] BrowserServiceHosts = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"];

    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 200));

    public void Dispose() => workspace.Dispose();

    [SkippableFact]
    public void The_report_renders_its_interactive_map_offline_and_requests_nothing()
    {
        var inCi = Environment.GetEnvironmentVariable("CI") == "true";
        Assert.False(inCi && !File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs Debian's chromium");
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); skipping the real-browser test");
        var run = workspace.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        var songs = File.ReadAllText(workspace.PathOf("reports/embedding.json"));
        var count = int.Parse(Regex.Match(songs, "\"n\": (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var (dom, requested) = Open(workspace.PathOf("reports/report.html"));

        Assert.True(PointPattern().Count(dom) >= count, $"the map drew {PointPattern().Count(dom)} points for {count} songs");
        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain(requested, url => !BrowserServiceHosts.Any(host => new Uri(url).Host.EndsWith(host, StringComparison.Ordinal)));
    }

    private static (string Dom, IReadOnlyList<string> Requested) Open(string file)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        var netLog = Path.Combine(profile, "netlog.json");
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
            $"--log-net-log={netLog}", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var browser = Process.Start(start)!;
        var dom = browser.StandardOutput.ReadToEndAsync();
        _ = browser.StandardError.ReadToEndAsync();
        if (!browser.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            browser.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s");
        }
        var requested = UrlPattern().Matches(File.ReadAllText(netLog)).Select(m => m.Groups[1].Value)
            .Where(u => u.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
        Directory.Delete(profile, recursive: true);
        return (dom.Result, requested);
    }

    [GeneratedRegex("class=\"point\"")]
    private static partial Regex PointPattern();

    [GeneratedRegex("\"url\":\"([^\"]+)\"")]
    private static partial Regex UrlPattern();
}
