using System.Diagnostics;

namespace Pipeline.Benchmarks;

/// <summary>
/// The edit-to-result loop (issue 26): a comment edited in one stage file, then ./build.sh --target=Status, timed to
/// its end (the host rebuilt and the first stage line printed). Beside it, in the same run and clone, the same edit
/// through the earlier bootstrap: a dotnet publish with its implicit restore, then the host.
/// </summary>
internal static class EditLoopBenchmark
{
    private const string Edited = "stages/Stages/Report/DataSummary.cs";

    public static void Run(string repo, Action<string, string, string> print)
    {
        var clone = Directory.CreateTempSubdirectory("bench-edit-").FullName;
        try
        {
            Git(repo, "clone", "--quiet", repo, clone);
            var build = Path.Combine(clone, "build.sh");
            var first = Measure.Run(clone, build, "--target=Status");
            print("fresh clone: first ./build.sh (restore, build, ReadyToRun publish)", $"{first.Seconds:0.0} s", "");
            var now = new List<double>();
            var before = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                Edit(clone, i);
                now.Add(Measure.Run(clone, build, "--target=Status").Seconds);
                Edit(clone, i + 100);
                before.Add(EarlierBootstrap(clone));
                // Mark the earlier bootstrap's build as current, so the next ./build.sh sees only the next edit.
                File.SetLastWriteTimeUtc(Path.Combine(clone, ".pipeline", "host", ".built"), DateTime.UtcNow.AddSeconds(-1));
            }
            print("one comment edited, ./build.sh to its first stage line", $"{Measure.Median(now):0.0} s",
                $"median of 3 ({string.Join(", ", now.Select(s => $"{s:0.0}"))}); target < 15 s");
            print("  the same edit through the earlier bootstrap (publish + restore)", $"{Measure.Median(before):0.0} s",
                $"median of 3 ({string.Join(", ", before.Select(s => $"{s:0.0}"))}), same clone, same run");
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    private static void Edit(string clone, int n) =>
        File.AppendAllText(Path.Combine(clone, Edited), $"// benchmark edit {n}\n");

    /// <summary>What build.sh ran before issue 26 after any edit: a publish with its restore, then the host.</summary>
    private static double EarlierBootstrap(string clone)
    {
        var clock = Stopwatch.StartNew();
        Measure.Run(clone, "dotnet", "publish", "build/Host/Host.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", ".pipeline/host", "--nologo", "-v", "minimal", "-clp:NoSummary");
        Measure.Run(clone, Path.Combine(clone, ".pipeline", "host", "pipeline"), "--target=Status");
        return clock.Elapsed.TotalSeconds;
    }

    private static void Git(string directory, params string[] args) => Measure.Run(directory, "git", args);
}
