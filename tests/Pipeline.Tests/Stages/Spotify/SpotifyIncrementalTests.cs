using System.Diagnostics;
using Pipeline.Stages.Fetch.Spotify;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Stages.Spotify;

/// <summary>A rerun asks only for what is new; a killed fetch resumes where it stopped.</summary>
public sealed class SpotifyIncrementalTests
{
    [Fact]
    public async Task A_rerun_with_no_new_likes_asks_only_for_the_liked_song_pages_and_nothing_downstream_reruns()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 120);
        Assert.Equal(0, scenario.Run("--target=Features").ExitCode);
        var before = scenario.Workspace.Bytes("data/raw/tracks.parquet");
        var summaryBefore = scenario.Workspace.Bytes("data/raw/fetch-summary.json");

        CliResult run = null!;
        var requests = scenario.RequestsDuring(() => run = scenario.Run("--target=Features"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, requests.Count); // 120 songs = 3 pages, for each of two people
        Assert.All(requests, r => Assert.Equal("/v1/me/tracks", r.Path));
        Assert.Equal(("Ran", "Skipped"), (run.Outcome("Fetch"), run.Outcome("Features")));
        Assert.Equal(before, scenario.Workspace.Bytes("data/raw/tracks.parquet"));
        Assert.Equal(summaryBefore, scenario.Workspace.Bytes("data/raw/fetch-summary.json"));
    }

    [Fact]
    public async Task A_new_like_costs_one_feature_request_and_one_analysis()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 70);
        Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode);
        var added = scenario.Like("ben", 1)[0]["track"]!["id"]!.GetValue<string>();

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        var features = Assert.Single(requests, r => r.Path == "/v1/audio-features");
        Assert.Equal($"ids={added}", features.Query);
        Assert.Equal($"/v1/audio-analysis/{added}", Assert.Single(requests, r => r.Path.StartsWith("/v1/audio-analysis/", StringComparison.Ordinal)).Path);
        Assert.Equal(4, requests.Count(r => r.Path == "/v1/me/tracks"));
    }

    [Fact]
    public async Task A_fetch_killed_midway_loses_at_most_the_requests_in_flight_and_the_next_run_resumes_to_the_same_bytes()
    {
        await using var scenario = await SpotifyScenario.Start(songs: 200);
        scenario.Fake.Latency = TimeSpan.FromMilliseconds(20); // 300 analyses left take 0.75 s or more at 8 at a time: the kill lands midway
        var hundred = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scenario.Fake.OnAnalysis = n =>
        {
            if (n == 100)
            {
                hundred.TrySetResult();
            }
        };

        using (var child = StartHost(scenario, "--target=Fetch"))
        {
            await hundred.Task.WaitAsync(TimeSpan.FromMinutes(2));
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        scenario.Fake.OnAnalysis = null;
        Assert.False(scenario.Workspace.Exists("data/raw/tracks.parquet"));
        var journal = scenario.Workspace.PathOf(".pipeline/state/fetch/spotify/audio-analysis.jsonl");
        var kept = File.ReadAllLines(journal).Count(l => l.EndsWith('}'));
        Assert.InRange(kept, 100 - 8, 399); // all but the requests in flight (concurrency 8)

        var requests = scenario.RequestsDuring(() => Assert.Equal(0, scenario.Run("--target=Fetch").ExitCode));

        Assert.Equal(0, requests.Count(r => r.Path == "/v1/audio-features"));
        Assert.Equal(400 - kept, requests.Count(r => r.Path.StartsWith("/v1/audio-analysis/", StringComparison.Ordinal)));
        await using var fresh = await SpotifyScenario.Start(songs: 200);
        Assert.Equal(0, fresh.Run("--target=Fetch").ExitCode);
        Assert.Equal(fresh.Workspace.Bytes("data/raw/tracks.parquet"), scenario.Workspace.Bytes("data/raw/tracks.parquet"));
    }

    [Fact]
    public void A_cache_line_cut_short_by_a_kill_is_ignored_and_the_next_entry_starts_a_line_of_its_own()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"), "analysis.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"Id\":\"a\",\"Value\":[1,2]}\n{\"Id\":\"b\",\"Val");

        using (var journal = new TrackJournal<double[]>(path))
        {
            Assert.Equal(1, journal.Damaged);
            Assert.True(journal.TryGet("a", out var a));
            Assert.Equal([1.0, 2.0], a!);
            Assert.False(journal.TryGet("b", out _));
            journal.Add([new("b", [3.0]), new("c", null)]);
        }
        using var reopened = new TrackJournal<double[]>(path);

        Assert.Equal(3, reopened.Count);
        Assert.True(reopened.TryGet("c", out var c));
        Assert.Null(c);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    /// <summary>The real host (pipeline.dll) as a child process on the scenario's workspace and fake.</summary>
    private static Process StartHost(SpotifyScenario scenario, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = scenario.Workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pipeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in scenario.Workspace.Variables)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
