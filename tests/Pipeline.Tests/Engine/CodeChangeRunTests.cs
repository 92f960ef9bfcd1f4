using FakePipeline;
using Pipeline.Engine.Files;
using Pipeline.Engine.Graph;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running;
using Pipeline.Engine.Tasks;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>The engine's reaction to a changed code version: that stage and what follows it rerun, nothing upstream.</summary>
public sealed class CodeChangeRunTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();
    private readonly SwitchableCodeVersions codes = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Editing_a_stage_reruns_it_and_its_downstream_and_nothing_upstream()
    {
        Run();
        codes.Edit("ShoutTask");

        var status = Runner().PlanAll().Steps;
        var results = Run();

        Assert.Equal(["code changed"], status.Single(p => p.Stage == "Shout").Decision.Reasons);
        Assert.Equal([new ChangeReason.CodeChanged()], status.Single(p => p.Stage == "Shout").Decision.Why);
        Assert.Equal(StageOutcome.Skipped, results["Make"]);
        Assert.Equal(StageOutcome.Ran, results["Shout"]);
        Assert.Equal(StageOutcome.Skipped, results["Count"]);
    }

    [Fact]
    public void Editing_the_first_stage_reruns_all_whose_inputs_change()
    {
        Run();
        codes.Edit("MakeTask");

        var results = Run();

        Assert.Equal(StageOutcome.Ran, results["Make"]);
        Assert.Equal(StageOutcome.Skipped, results["Shout"]);
        Assert.Equal(StageOutcome.Skipped, results["Count"]);
    }

    private Dictionary<string, StageOutcome> Run() =>
        Runner().Run(new RunRequest("Count")).Stages.ToDictionary(s => s.Stage, s => s.Outcome);

    private PipelineRunner Runner()
    {
        var workspaceInfo = new Workspace(workspace.Root);
        var bound = ParamsLoader.Load<FakeParams>(workspaceInfo.ParamsFile, "params.yaml", []);
        var stages = TaskBinder.Discover<FakeParams>(typeof(FakeParams).Assembly).Select(t => TaskBinder.Bind(t, bound.Value)).ToList();
        return new PipelineRunner(workspaceInfo, StageGraph.Build(stages), s => bound.Select(s.ParamKeys), codes, new SilentReporter());
    }

    private sealed class SwitchableCodeVersions : ICodeVersions
    {
        private readonly HashSet<string> edited = [];

        public void Edit(string typeName) => edited.Add(typeName);

        public string Of(Type stageType) => ContentHasher.HashText(stageType.Name + (edited.Contains(stageType.Name) ? " v2" : " v1"));

        public void Save()
        {
        }
    }

    private sealed class SilentReporter : IRunReporter
    {
        public void Deciding(Stage stage, Decision decision)
        {
        }

        public void Running(Stage stage, Action<StageProgress> work) => work(StageProgress.None);

        public void Log(Stage stage, string message)
        {
        }

        public void Warn(string message)
        {
        }

        public void Finished(StageResult result)
        {
        }
    }
}
