using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// The image built from the Dockerfile (PipelineImage), inspected file by file and run for real with buildah: the
/// demo pipeline on a mounted workspace as compose.yaml mounts it, against a run outside the container.
/// </summary>
[Collection(ContainerGroup.Name)]
public sealed partial class ContainerImageTests(PipelineImage image)
{
    [Fact]
    public void No_planted_token_key_or_file_is_in_any_layer_of_the_image_or_in_its_build_stage()
    {
        var entries = ImageArchive.Scan(image.Tag, image.Secret);

        Assert.DoesNotContain(entries, e => e.Holds);
        Assert.Contains(entries, e => e.Path == "opt/pipeline/pipeline");
        // Only what a run needs: the runtime and the published host, no SDK, no sources, nothing in /work.
        Assert.DoesNotContain(entries, e => e.Path.StartsWith("usr/share/dotnet/sdk/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Path.StartsWith("src/", StringComparison.Ordinal) || e.Path.StartsWith("work/", StringComparison.Ordinal) && e.Path != "work/");

        using var build = Buildah.From(image.BuildStage);
        var src = Path.Combine(build.Mount(), "src");
        Assert.Empty(ImageArchive.Holding(src, image.Secret));
        Assert.Equal([".editorconfig", "Directory.Build.props", "Directory.Packages.props", "build", "stages"],
            Directory.EnumerateFileSystemEntries(src).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(PipelineImage.Planted, p => Assert.False(File.Exists(Path.Combine(src, p)), p));
    }

    [Fact]
    public void The_image_runs_as_the_non_root_pipeline_user_in_work_with_the_pipeline_as_its_entry_point()
    {
        var config = JsonNode.Parse(Tool.Check("podman", ["image", "inspect", "--format", "{{json .Config}}", image.Tag]))!;

        Assert.Equal("pipeline", (string)config["User"]!);
        Assert.Equal("/work", (string)config["WorkingDir"]!);
        Assert.Equal(["/opt/pipeline/pipeline"], Strings(config["Entrypoint"]));
        Assert.Equal(["--target=Report"], Strings(config["Cmd"]));
        Assert.DoesNotContain(image.Secret, config.ToJsonString(), StringComparison.Ordinal);
        using var container = Buildah.From(image.Tag);
        Assert.Equal("1000:1000 pipeline", container.Run([], ["sh", "-c", "echo $(id -u):$(id -g) $(id -un)"]).Out.Trim());
    }

    [Fact]
    public void The_demo_pipeline_in_the_container_writes_byte_for_byte_what_a_run_outside_it_writes()
    {
        var parameters = File.ReadAllText(Path.Combine(image.Clone, "params.yaml"));
        using var outside = new SongWorkspace(parameters);
        var expected = outside.Run("--target=Report");
        Assert.True(expected.ExitCode == 0, expected.ToString());
        using var workspace = new MountedWorkspace(parameters);

        var inside = RunPipeline(workspace, "--target=Report");

        Assert.True(inside.Code == 0, inside.ToString());
        var outputs = Outputs(workspace.Root);
        Assert.Equal(Outputs(outside.Root), outputs);
        Assert.Contains("pipeline.lock", outputs.Keys);
        Assert.Contains("reports/metrics.json", outputs.Keys);
        Assert.Contains("reports/report.md", outputs.Keys);
        Assert.Equal(Summary(expected.Out), Summary(inside.Out));
        Assert.Equal(6 + 12, Summary(inside.Out).Count); // six stage heads, the twelve lines of the table
        Assert.Empty(inside.Err);
        Assert.Equal("1000:1000", Tool.Check("stat", ["-c", "%u:%g", workspace.PathOf("reports/metrics.json")]).Trim());
    }

    [Fact]
    public void In_the_container_a_second_run_is_up_to_date_lost_outputs_come_back_from_the_cache_volume_and_bad_input_is_exit_2()
    {
        using var workspace = new MountedWorkspace(File.ReadAllText(Path.Combine(image.Clone, "params.yaml")));
        Assert.Equal(0, RunPipeline(workspace, "--target=Report").Code);
        var built = Outputs(workspace.Root);

        var again = RunPipeline(workspace, "--target=Report");
        var bad = RunPipeline(workspace, "--target=Report", "--set", "train.mlp.epochs=abc");
        Directory.Delete(workspace.PathOf("reports"), recursive: true);
        Directory.Delete(workspace.PathOf("models"), recursive: true);
        var restored = RunPipeline(workspace, "--target=Report");

        Assert.True(again.Code == 0, again.ToString());
        Assert.Contains("all up to date", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
        Assert.Contains("error: --set train.mlp.epochs=abc: 'abc' is not a whole number", bad.Err, StringComparison.Ordinal);
        Assert.True(restored.Code == 0, restored.ToString());
        Assert.Matches(@"Total +│ 1 skipped, 5 restored", restored.Out);
        Assert.Equal(built, Outputs(workspace.Root));
        Assert.NotEmpty(Directory.EnumerateFiles(workspace.Cache, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(workspace.PathOf(".pipeline/cache")), "the run-cache is the /cache volume");
    }

    private Tool.Result RunPipeline(MountedWorkspace workspace, params string[] args)
    {
        using var container = Buildah.From(image.Tag);
        return container.Run(workspace.Options, [.. image.Entrypoint, .. args]);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(a => (string)a!)];

    /// <summary>Every output of a run (all but the engine's state folder), with its hash.</summary>
    private static SortedDictionary<string, string> Outputs(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".pipeline/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f))))),
        StringComparer.Ordinal);

    /// <summary>
    /// What a run says whatever the machine's speed: each stage's head line (whether it runs, and why) and the summary
    /// table, with the times taken out. The progress lines between them come at most once a second, so a busy machine
    /// prints more of them.
    /// </summary>
    private static List<string> Summary(string output) =>
        [.. output.Split('\n').Where(l => l.Length > 0 && (char.IsAsciiLetterLower(l[0]) || "┌│├└".Contains(l[0], StringComparison.Ordinal)))
            .Select(l => Spaces().Replace(Seconds().Replace(l, "T s"), " ").Trim())];

    [GeneratedRegex(@"[0-9][0-9.,]* s\b")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
