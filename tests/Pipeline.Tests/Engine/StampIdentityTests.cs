using Pipeline.Engine.Hashing;
using Pipeline.Engine.Running;
using Pipeline.Stages.Report;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Engine;

/// <summary>The up-to-date stamp and the hash check never answer from a changed world.</summary>
public sealed class StampIdentityTests : IDisposable
{
    private readonly FakeWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_file_edited_after_it_was_read_is_stamped_as_it_was_read_so_the_next_command_really_checks()
    {
        string[] args = ["--target=Count"];
        Assert.Equal(0, workspace.Run(args).ExitCode);
        var read = UpToDateStamp.Capture(workspace.Root, ["params.yaml"]);
        // The edit lands while the run is going: after params.yaml was read, before the stamp is written.
        workspace.WriteParams(FakeWorkspace.DefaultParams.Replace("repeat: 3", "repeat: 4", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, "params.yaml"), DateTime.UtcNow.AddSeconds(5));

        UpToDateStamp.Write(workspace.Root, args, "Normal", ["Count"], read, ["pipeline.lock"]);

        Assert.Null(UpToDateStamp.Check(workspace.Root, args));
        var again = workspace.Run(args);
        Assert.DoesNotContain("all up to date", again.Out, StringComparison.Ordinal);
        Assert.Equal("Ran", again.Outcome("Make"));
    }

    [Fact]
    public void A_stamp_of_unchanged_files_still_answers()
    {
        string[] args = ["--target=Count"];
        Assert.Equal(0, workspace.Run(args).ExitCode);

        Assert.NotNull(UpToDateStamp.Check(workspace.Root, args));
    }

    [Fact]
    public void A_symlinked_dep_pointed_at_another_file_of_the_same_size_and_time_is_a_change()
    {
        workspace.Write("inputs/a.txt", "alpha\nbeta\n");
        workspace.Write("inputs/b.txt", "gamma\ndelt\n");
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, "inputs/a.txt"), time);
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, "inputs/b.txt"), time);
        var link = Path.Combine(workspace.Root, "inputs/words.txt");
        File.Delete(link);
        File.CreateSymbolicLink(link, "a.txt");
        Assert.Equal(0, workspace.Run("--target=Make").ExitCode);

        File.Delete(link);
        File.CreateSymbolicLink(link, "b.txt");
        var status = workspace.Run("--target=Status");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("make: dep changed: inputs/words.txt", status.Out, StringComparison.Ordinal);
        Assert.NotEqual(FileIdentity.Of(Path.Combine(workspace.Root, "inputs/a.txt")), FileIdentity.Of(link));
    }

    [Fact]
    public void A_file_embedded_in_a_stage_assembly_is_part_of_the_code_that_loads_it()
    {
        var assembly = typeof(HtmlReport).Assembly;
        var onDisk = Path.Combine(Repository.Root, "stages/Stages/Report/Assets/plotly-gl2d.min.js");
        using var file = File.OpenRead(onDisk);

        var hash = EmbeddedResources.HashOf(assembly, "plotly-gl2d.min.js");

        Assert.Equal(ContentHasher.HashStream(file), hash);
        Assert.Null(EmbeddedResources.HashOf(assembly, "no-such-resource.js"));
        var text = new System.Text.StringBuilder();
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly;
        foreach (var type in typeof(HtmlReport).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Prepend(typeof(HtmlReport)))
        {
            foreach (var method in type.GetMethods(all))
            {
                ILReader.Describe(method, text, _ => { });
            }
        }
        Assert.Contains($"\"plotly-gl2d.min.js\" embedded {hash}", text.ToString(), StringComparison.Ordinal);
    }
}
