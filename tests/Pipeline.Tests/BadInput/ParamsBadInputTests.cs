using Pipeline.Tests.Harness;

namespace Pipeline.Tests.BadInput;

/// <summary>params.yaml that is wrong in every way a user managed: each one a clear exit 2 naming the place, before anything runs.</summary>
public sealed class ParamsBadInputTests : IDisposable
{
    private readonly SongWorkspace workspace = new(SongWorkspace.DemoParams());

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("seed: 1\nseed: 2\n", "params.yaml:2:1: 'seed' is given twice; keep one")]
    [InlineData("fetch:\n  users:\n", "params.yaml:2:9: 'fetch.users': has no value")]
    [InlineData("fetch:\n  source: csv\n  users:\n  csv: { file: imports/all.csv }\n", "params.yaml:3:9: 'fetch.users': has no value")]
    [InlineData("", "params.yaml is empty")]
    [InlineData("# nothing but a comment\n", "params.yaml is empty")]
    [InlineData("seed: 1\nfetch:\n  source: demo\n\tusers: {}\n", "params.yaml:4:1: YAML syntax error: a tab in the indentation")]
    [InlineData("fetch:\n  users: { '': {}, b: {} }\n", "'fetch.users': '' is not a name")]
    [InlineData("fetch:\n  users: { a: { profile: jazz }, b: {} }\n", "params.yaml:2:26: 'fetch.users.a.profile': must be rock, acoustic, dance, rap, classical or pop")]
    [InlineData("features:\n  numerical: [energy, energy]\n", "'features.numerical': 'energy' is listed twice")]
    [InlineData("features:\n  numerical: [energy]\n  categorical: [energy]\n", "'features.numerical': 'energy' is listed twice")]
    [InlineData("features:\n  numerical: [loudnes]\n", "'loudnes' is not an audio feature; the features are danceability, energy, key")]
    [InlineData("features:\n  numerical: []\n  categorical: []\n  timbre: false\n", "no features: numerical and categorical are empty and timbre is false")]
    [InlineData("fetch:\n  demo: { tracks_per_user: 10000000 }\n", "'fetch.demo.tracks_per_user': must be between 10 and 200,000")]
    [InlineData("train:\n  mlp:\n    epochs: 99999999999\n", "params.yaml:3:13: 'train.mlp.epochs': '99999999999' is too large for a whole number; it must be between 1 and 100,000")]
    [InlineData("fetch:\n  source: csv\n  users: { a: { file: ../../etc/passwd }, b: { file: imports/b.csv } }\n", "a.file '../../etc/passwd' is outside the workspace")]
    [InlineData("fetch:\n  source: csv\n  users: { a: { file: /etc/passwd }, b: { file: imports/b.csv } }\n", "a.file '/etc/passwd' is an absolute path")]
    [InlineData("fetch:\n  source: csv\n  users: { a: { file: imports/x.csv }, b: { file: ./imports/x.csv } }\n", "a.file and b.file are the same file 'imports/x.csv'")]
    public void Refused_before_anything_runs(string yaml, string expected)
    {
        workspace.Write("params.yaml", yaml);

        foreach (var args in new[] { new[] { "--target=Report", "--dryrun" }, ["--target=Report"] })
        {
            var run = workspace.Run(args);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains(expected, run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", run.Err, StringComparison.Ordinal);
        }
        Assert.False(workspace.Exists("data"));
    }

    [Fact]
    public void A_params_yaml_that_is_a_folder_says_so()
    {
        File.Delete(workspace.PathOf("params.yaml"));
        Directory.CreateDirectory(workspace.PathOf("params.yaml"));

        var run = workspace.Run("--target=Fetch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("params.yaml is a folder, not a file", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_flag_that_breaks_a_rule_is_named_in_the_error_not_a_line_of_params_yaml()
    {
        var run = workspace.Run("--target=Fetch", "--set", "fetch.users.paulo.profile=jazz");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--set fetch.users.paulo.profile=jazz: 'fetch.users.paulo.profile': must be rock", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("params.yaml:", run.Err, StringComparison.Ordinal);
    }
}
