using Pipeline.Engine.Cli;
using Pipeline.Engine.Files;
using Pipeline.Host;
using Pipeline.Stages.Parameters;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Commands;

/// <summary>
/// --dryrun changes nothing, anywhere: every target in the registry that changes something and takes --dryrun is run
/// with it on a workspace with work pending and a remote, and neither may change; every other target refuses it.
/// </summary>
public sealed class DryRunTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 60));
    private readonly string remote = Path.Combine(Path.GetTempPath(), "pipeline-remote", Guid.NewGuid().ToString("N"));

    public DryRunTests()
    {
        Directory.CreateDirectory(remote);
        workspace.With(new Dictionary<string, string> { ["PIPELINE_REMOTE_URL"] = remote });
    }

    public void Dispose()
    {
        workspace.Dispose();
        Directory.Delete(remote, recursive: true);
    }

    private TargetRegistry Registry => new(new PipelineModel<PipelineParams>(SongPipeline.Definition, new Workspace(workspace.Root)), SongPipeline.Definition);

    [Fact]
    public void Every_target_that_changes_something_changes_nothing_under_dryrun()
    {
        var baseline = workspace.Run();
        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        var other = workspace.Run("--set", "train.mlp.epochs=7");
        Assert.True(other.ExitCode == 0, other.ToString());
        var experiment = ExperimentIds(workspace.Run("--target=Experiments").Out).First(id => !id.Contains("workspace", StringComparison.Ordinal));
        // Work pending everywhere: params changed, an output gone, a remote that lacks what the lock names.
        workspace.Write("params.yaml", SongWorkspace.DemoParams(tracksPerUser: 61));
        File.Delete(workspace.PathOf("reports/metrics.json"));
        var extra = new Dictionary<string, string[]>
        {
            ["Apply"] = [$"--exp={experiment}"],
            ["Gc"] = ["--keep=0"],
            ["Sweep"] = ["--set", "train.mlp.epochs=3,4"],
            ["Compare"] = [$"--exp={experiment}"]
        };
        var tried = new List<string>();

        foreach (var target in Registry.All.Where(t => t.SupportsDryRun))
        {
            var before = (TreeSnapshot.Of(workspace.Root), TreeSnapshot.Of(remote));

            var run = workspace.Run(["--target=" + target.Name, "--dryrun", .. extra.GetValueOrDefault(target.Name) ?? []]);

            Assert.True(run.ExitCode == 0, $"{target.Name}: {run}");
            var after = (TreeSnapshot.Of(workspace.Root), TreeSnapshot.Of(remote));
            var changed = before.Item1.Concat(after.Item1).Concat(before.Item2).Concat(after.Item2).Select(f => f.Key).Distinct()
                .Where(k => before.Item1.GetValueOrDefault(k) != after.Item1.GetValueOrDefault(k) || before.Item2.GetValueOrDefault(k) != after.Item2.GetValueOrDefault(k)).ToList();
            Assert.True(changed.Count == 0, $"{target.Name} --dryrun changed {string.Join(", ", changed)}");
            tried.Add(target.Name);
        }
        Assert.Equal(["Fetch", "Features", "Train", "Embed", "Evaluate", "Report", "Apply", "Sweep", "Gc", "Push", "Pull", "Compare"], tried);
    }

    [Fact]
    public void Push_under_dryrun_says_what_it_would_upload_and_uploads_nothing()
    {
        Assert.Equal(0, workspace.Run().ExitCode);

        var dry = workspace.Run("--target=Push", "--dryrun");
        var real = workspace.Run("--target=Push");

        Assert.Matches(@"Would push to .*: 6 new of 6 entries, \d+ files \(.+\); nothing was uploaded \(--dryrun", dry.Out);
        Assert.Contains("6 new of 6 entries", real.Out, StringComparison.Ordinal);
        Assert.NotEmpty(TreeSnapshot.Of(remote));
    }

    [Fact]
    public void Every_target_that_changes_nothing_or_cannot_try_refuses_dryrun()
    {
        var refusing = Registry.All.Where(t => !t.SupportsDryRun).ToList();

        Assert.Equal(["Status", "Dag", "Metrics", "MetricsDiff", "ParamsDiff", "Experiments", "Login", "Predict"], refusing.Select(t => t.Name));
        foreach (var target in refusing)
        {
            var run = workspace.Run("--target=" + target.Name, "--dryrun");

            Assert.True(run.ExitCode == 2, $"{target.Name}: {run}");
            Assert.Contains($"--dryrun: {target.Name} ", run.Err, StringComparison.Ordinal);
        }
        Assert.False(workspace.Exists("data"));
    }

    private static List<string> ExperimentIds(string markdown) =>
        [.. markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).Select(l => l.Split('|')[1].Trim())];
}
