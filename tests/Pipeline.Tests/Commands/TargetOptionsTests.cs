using Pipeline.Engine.Cli;
using Pipeline.Engine.Files;
using Pipeline.Host;
using Pipeline.Stages.Parameters;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Commands;

/// <summary>Each target takes what it declares and nothing else; numbers and choices name the option, the text and the range.</summary>
public sealed class TargetOptionsTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams(tracksPerUser: 60));

    public void Dispose() => workspace.Dispose();

    private TargetRegistry Registry => new(new PipelineModel<PipelineParams>(SongPipeline.Definition, new Workspace(workspace.Root)), SongPipeline.Definition);

    [Fact]
    public void Every_option_a_target_does_not_declare_is_refused_naming_the_target_and_what_it_takes()
    {
        var registry = Registry;
        var meta = SharedOptions.Meta.Concat(SharedOptions.Global).Select(o => o.Name).ToHashSet();
        var checkedPairs = 0;

        foreach (var target in registry.All)
        {
            foreach (var option in registry.AllOptions.Where(o => !meta.Contains(o.Name) && !target.Options.Any(d => d.Name == o.Name)))
            {
                var given = option.Kind == OptionKind.Flag ? $"--{option.Name}" : $"--{option.Name}=1";

                var run = workspace.Run($"--target={target.Name}", given);

                Assert.True(run.ExitCode == 2, $"{target.Name} {given}: {run}");
                Assert.Contains($"--{option.Name}", run.Err, StringComparison.Ordinal);
                Assert.Contains(target.Name, run.Err, StringComparison.Ordinal);
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 100, $"only {checkedPairs} target and option pairs were tried");
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void A_flag_that_means_one_thing_everywhere_is_declared_once()
    {
        var registry = Registry;

        var byName = registry.All.SelectMany(t => t.Options).GroupBy(o => o.Name);

        Assert.All(byName, g => Assert.Single(g.Select(o => (o.Kind, o.Min, o.Max)).Distinct()));
        Assert.Contains(registry.AllOptions, o => o.Name == "dryrun");
    }

    [Theory]
    [InlineData("--target=Gc --keep=abc", "--keep abc: not a whole number; give 0 or more")]
    [InlineData("--target=Predict --input=x.csv --top=abc", "--top abc: not a whole number; give 0 or more")]
    [InlineData("--jobs=0", "--jobs 0: out of range; give 1 to 64")]
    [InlineData("--jobs=65", "--jobs 65: out of range; give 1 to 64")]
    [InlineData("--verbosity=loud", "--verbosity loud: give quiet, normal or verbose")]
    [InlineData("--target=Metrics --jobs=2", "--jobs is not an option of Metrics; Metrics takes --json, --md and --verbosity")]
    [InlineData("--target=Status --set seed=1", "--set is not an option of Status; Status takes --remote and --verbosity")]
    [InlineData("--target=Dag --remote", "--remote is not an option of Dag; Dag takes no options but --verbosity")]
    [InlineData("--force=yes", "--force takes no value (given 'yes')")]
    [InlineData("--target", "--target needs a value")]
    [InlineData("Report Train", "'Train': one target only (Report is given already)")]
    [InlineData("--version --force", "--version takes no target and no other option")]
    public void A_bad_option_value_is_exit_2_with_the_option_the_text_and_the_range(string args, string message)
    {
        var run = workspace.Run(args.Split(' '));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", run.Err, StringComparison.Ordinal);
        Assert.False(workspace.Exists("data"));
    }

    [Theory]
    [InlineData("--help", "--target=Push")]
    [InlineData("Push", "--help")]
    public void Help_for_a_target_shows_its_options_and_what_dryrun_does_there(string first, string second)
    {
        var run = workspace.Run(first, second);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Push (command): Upload", run.Out, StringComparison.Ordinal);
        Assert.Contains("Changes: the shared remote.", run.Out, StringComparison.Ordinal);
        Assert.Contains("--dryrun: lists the remote and says what it would upload; uploads nothing.", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+--all\s+Every run-cache entry", run.Out);
        Assert.DoesNotContain("--jobs", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_word_is_the_target_as_with_target()
    {
        var run = workspace.Run("Fetch", "-v", "quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.True(workspace.Exists("data/raw/tracks.parquet"));
        Assert.False(workspace.Exists("data/features"));
    }
}
