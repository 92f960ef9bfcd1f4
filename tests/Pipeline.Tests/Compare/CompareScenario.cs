using Pipeline.Tests.Harness;
using Pipeline.Tests.Sweeps;

namespace Pipeline.Tests.Compare;

/// <summary>
/// Compare on the real pipeline in a real git repository: a committed, tagged baseline (v1); a --set run on top; Compare
/// against the tag; a 4-point sweep and Compare over it. What each Compare wrote is kept (the next overwrites it).
/// </summary>
public sealed class CompareScenario : IDisposable
{
    public const string Tag = "v1";

    public CompareScenario()
    {
        Workspace = SweepWorkspace.Create();
        File.Copy(Path.Combine(Repository.Root, ".gitignore"), Workspace.PathOf(".gitignore"));
        Git.Run(Workspace.Root, "init", "-q");
        Check(Workspace.Run());
        Git.Run(Workspace.Root, "add", "-A");
        Git.Run(Workspace.Root, "commit", "-q", "-m", "baseline");
        Git.Run(Workspace.Root, "tag", Tag);
        Check(Workspace.Run("--set", "train.mlp.learning_rate=0.2"));
        AgainstTag = Check(Workspace.Run("--target=Compare", "--rev=" + Tag));
        TagMarkdown = Workspace.Read("reports/compare.md");
        TagFiles = TreeSnapshot.Of(Workspace.PathOf("reports/compare"));
        TagHtml = Keep("reports/compare.html", "tag");
        Sweep = Check(Workspace.Sweep("--set", "train.mlp.learning_rate=0.02,0.05,0.1,0.2", "--jobs=2"));
        SweepId = SweepWorkspace.IdOf(Sweep);
        OverSweep = Check(Workspace.Run("--target=Compare", "--sweep=" + SweepId));
        SweepMarkdown = Workspace.Read("reports/compare.md");
        SweepHtml = Keep("reports/compare.html", "sweep");
        SweepFiles = TreeSnapshot.Of(Workspace.PathOf("reports/compare"));
    }

    public SortedDictionary<string, string> SweepFiles { get; }

    /// <summary>A copy of the whole workspace (git repository and run-cache included) for a test that changes it.</summary>
    public SongWorkspace Copy()
    {
        var copy = SweepWorkspace.Create();
        foreach (var file in Directory.EnumerateFiles(Workspace.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Root, Path.GetRelativePath(Workspace.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return copy;
    }

    public SongWorkspace Workspace { get; }
    public CliResult AgainstTag { get; }
    public string TagMarkdown { get; }
    public SortedDictionary<string, string> TagFiles { get; }
    public string TagHtml { get; }
    public CliResult Sweep { get; }
    public string SweepId { get; }
    public CliResult OverSweep { get; }
    public string SweepMarkdown { get; }
    public string SweepHtml { get; }

    private readonly string kept = Directory.CreateTempSubdirectory("compare-kept-").FullName;

    private string Keep(string relative, string name)
    {
        var path = Path.Combine(kept, name + ".html");
        File.Copy(Workspace.PathOf(relative), path);
        return path;
    }

    private static CliResult Check(CliResult run) => run.ExitCode == 0 ? run : throw new Xunit.Sdk.XunitException($"the scenario failed: {run}");

    public void Dispose()
    {
        Workspace.Dispose();
        Directory.Delete(kept, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class CompareGroup : ICollectionFixture<CompareScenario>
{
    public const string Name = "Compare scenario";
}
