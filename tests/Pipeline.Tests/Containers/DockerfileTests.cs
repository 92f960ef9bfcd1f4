using System.Text.RegularExpressions;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// The Dockerfile through a real linter (dockerfilelint, from npm: tools/container-lint), and what it promises a user
/// of docker build: the official base images by default, a locked restore, a non-root runtime stage, a tight context.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Lint = Path.Combine(Repository.Root, "tools", "container-lint");
    private static readonly string Dockerfile = Path.Combine(Repository.Root, "Dockerfile");

    [SkippableFact]
    public void The_Dockerfile_passes_the_linter_and_a_broken_one_does_not()
    {
        var linter = Path.Combine(Lint, "node_modules", "dockerfilelint", "bin", "dockerfilelint");
        var installed = File.Exists(linter) && Tool.OnPath("node");
        Tool.Require(installed, ".ci/run installs tools/container-lint's packages (npm ci)",
            "tools/container-lint/node_modules is missing (npm ci --prefix tools/container-lint); skipping the Dockerfile lint");
        var broken = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"), "Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, File.ReadAllText(Dockerfile).Replace("WORKDIR /work\n", "WORKDIR /work\nrun apt-get install curl\n", StringComparison.Ordinal));

        var good = Tool.Run("node", [linter, "--config", Lint, "--output", "json", Dockerfile]);
        var bad = Tool.Run("node", [linter, "--config", Lint, "--output", "json", broken]);

        Assert.True(good.Code == 0, good.ToString());
        Assert.Empty(Findings(good.Out));
        Assert.NotEqual(0, bad.Code);
        var line = File.ReadAllLines(broken).ToList().IndexOf("run apt-get install curl") + 1;
        Assert.Equal([$"{line}: Capitalize Dockerfile Instructions", $"{line}: Consider `--no-install-recommends`", $"{line}: Missing parameter for `apt-get`"],
            Findings(bad.Out).Order(StringComparer.Ordinal));
        Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
    }

    [Fact]
    public void The_base_images_are_build_arguments_defaulting_to_the_official_tagged_images()
    {
        var text = File.ReadAllText(Dockerfile);

        Assert.Matches(@"(?m)^ARG SDK_IMAGE=mcr\.microsoft\.com/dotnet/sdk:10\.0$", text);
        Assert.Matches(@"(?m)^ARG RUNTIME_IMAGE=mcr\.microsoft\.com/dotnet/runtime:10\.0$", text);
        Assert.Equal(["FROM ${SDK_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}"], From().Matches(text).Select(m => m.Value));
    }

    [Fact]
    public void The_build_restores_in_locked_mode_and_the_run_stage_is_a_non_root_user_with_the_pipeline_as_entry_point()
    {
        var lines = File.ReadAllLines(Dockerfile);
        var runtime = lines.SkipWhile(l => !l.StartsWith("FROM ${RUNTIME_IMAGE}", StringComparison.Ordinal)).ToList();

        Assert.Contains(lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal) && l.Contains("--locked-mode", StringComparison.Ordinal));
        Assert.Contains("USER pipeline", runtime);
        Assert.Contains("WORKDIR /work", runtime);
        Assert.Contains("ENTRYPOINT [\"/opt/pipeline/pipeline\"]", runtime);
        Assert.Contains("CMD [\"--target=Report\"]", runtime);
        // The runtime stage takes nothing from the build context: only the published host, from the build stage.
        Assert.All(runtime.Where(l => l.StartsWith("COPY", StringComparison.Ordinal)), l => Assert.StartsWith("COPY --from=build ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_context_leaves_out_credentials_data_models_state_build_outputs_and_git()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Subset(ignored, new HashSet<string> { "credentials/", "data/", "models/", ".pipeline/", "**/bin/", "**/obj/", ".git/", "imports/", "reports/" });
    }

    /// <summary>The linter's findings in its JSON output, as "line: title".</summary>
    private static IEnumerable<string> Findings(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!["files"]!.AsArray()
            .SelectMany(f => f!["issues"]!.AsArray())
            .Select(i => $"{(string)i!["line"]!}: {(string)i["title"]!}");

    [GeneratedRegex("(?m)^FROM .*$")]
    private static partial Regex From();
}
