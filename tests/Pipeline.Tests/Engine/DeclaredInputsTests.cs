using Pipeline.Engine.Tasks;

namespace Pipeline.Tests.Engine;

/// <summary>Declared means enforced: a stage reads only its declared deps (and private files) and sees only its declared params.</summary>
public sealed class DeclaredInputsTests
{
    [Fact]
    public void Input_refuses_a_path_the_stage_did_not_declare_and_names_what_it_did()
    {
        var context = Context(deps: ["data/raw/tracks.parquet", "data/features"], privates: ["credentials"]);

        Assert.EndsWith("data/raw/tracks.parquet", context.Input("data/raw/tracks.parquet"), StringComparison.Ordinal);
        Assert.EndsWith("data/features/train.parquet", context.Input("data/features/train.parquet"), StringComparison.Ordinal);
        Assert.EndsWith("credentials/tokens/ana.json", context.Input("credentials/tokens/ana.json"), StringComparison.Ordinal);
        var refused = Assert.Throws<InvalidOperationException>(() => context.Input("models/model"));
        Assert.Equal("'models/model' is not a declared dep of stage Sample (declared: data/raw/tracks.parquet, data/features): declare it in Deps, so a change to it reruns the stage",
            refused.Message);
        Assert.Throws<InvalidOperationException>(() => context.Input("data/features-old/x"));
        Assert.Throws<ArgumentException>(() => context.Input("data/raw/../../etc/passwd")); // outside the workspace: refused by the path check
    }

    [Fact]
    public void A_task_sees_only_the_params_it_declares_and_defaults_for_the_rest()
    {
        var all = new SampleParams { Seed = 7, Train = new SampleSection { Epochs = 50, Rate = 0.5 }, Embed = new SampleSection { Epochs = 9, Rate = 9 } };
        var task = new SampleTask();

        TaskBinder.Bind(task, all).Run(Context(deps: []));

        Assert.Equal(7, task.Seen!.Seed);
        Assert.Equal(new SampleSection { Epochs = 50, Rate = 0.5 }, task.Seen.Train);
        Assert.Equal(new SampleSection(), task.Seen.Embed);
    }

    [Fact]
    public void A_nested_key_shows_that_value_and_leaves_its_neighbours_at_their_defaults()
    {
        var all = new SampleParams { Seed = 7, Train = new SampleSection { Epochs = 50, Rate = 0.5 } };

        var seen = ParamsView.Restrict(all, ["train.epochs"]);

        Assert.Equal(new SampleSection { Epochs = 50 }, seen.Train);
        Assert.Equal(0, seen.Seed);
    }

    private static StageRunContext Context(IReadOnlyList<string> deps, IReadOnlyList<string>? privates = null)
    {
        var stage = new Stage
        {
            Name = "Sample",
            ParamKeys = [],
            Deps = deps,
            Outs = ["out.txt"],
            Metrics = [],
            AlwaysChanged = false,
            CodeType = typeof(SampleTask),
            Run = _ => { },
            Private = privates ?? [],
        };
        var root = Path.Combine(Path.GetTempPath(), "declared-inputs");
        return new StageRunContext(root, Path.Combine(root, "tmp"), stage, new StageServices { StateDirectory = root });
    }

    public sealed record SampleParams
    {
        public int Seed { get; init; }

        public SampleSection Train { get; init; } = new();

        public SampleSection Embed { get; init; } = new();
    }

    public sealed record SampleSection
    {
        public int Epochs { get; init; }

        public double Rate { get; init; }
    }

    [Params("seed", "train")]
    private sealed class SampleTask : PipelineTask<SampleParams>
    {
        public SampleParams? Seen { get; private set; }

        public override IReadOnlyList<string> Outs(SampleParams parameters) => ["out.txt"];

        public override void Run(StageContext<SampleParams> context) => Seen = context.Params;
    }
}

/// <summary>The run-cache's eligibility rule, on its own.</summary>
public sealed class CacheRuleTests
{
    [Theory]
    [InlineData(false, false, 0, true)]
    [InlineData(true, false, 0, false)]
    [InlineData(false, true, 0, false)]
    [InlineData(false, false, 1, false)]
    public void A_stage_may_be_restored_only_unforced_not_always_changed_and_with_nothing_upstream_changing(bool forced, bool alwaysChanged, int upstream, bool expected) =>
        Assert.Equal(expected, Pipeline.Engine.Planning.CacheRule.MayRestore(forced, alwaysChanged, upstream));
}

/// <summary>Change reasons are typed values, rendered to the words Status prints in one place.</summary>
public sealed class ChangeReasonTests
{
    [Fact]
    public void Each_reason_renders_as_status_prints_it()
    {
        Pipeline.Engine.Planning.ChangeReason[] reasons =
        [
            new Pipeline.Engine.Planning.ChangeReason.ParamChanged("train.mlp.epochs", "100", "50"),
            new Pipeline.Engine.Planning.ChangeReason.ParamChanged("train.cv_folds", null, "5"),
            new Pipeline.Engine.Planning.ChangeReason.ParamChanged("embed.theta", "0.5", null),
            new Pipeline.Engine.Planning.ChangeReason.DepChanged("data/raw/tracks.parquet"),
            new Pipeline.Engine.Planning.ChangeReason.DepChanged("imports/a.csv", Added: true),
            new Pipeline.Engine.Planning.ChangeReason.OutMissing("models/model"),
            new Pipeline.Engine.Planning.ChangeReason.UpstreamChanging("train"),
        ];

        Assert.Equal(
        [
            "params changed: train.mlp.epochs 100 -> 50", "params changed: train.cv_folds added (5)", "params changed: embed.theta removed (was 0.5)",
            "dep changed: data/raw/tracks.parquet", "dep added: imports/a.csv", "out missing: models/model", "upstream will change: train",
        ], reasons.Select(r => r.ToString()));
    }
}
