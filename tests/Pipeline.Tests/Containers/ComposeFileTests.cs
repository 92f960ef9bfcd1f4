using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// compose.yaml against the Compose Specification's JSON schema (an offline copy in Fixtures/compose-spec, Apache-2.0),
/// what its two services promise (volumes, loopback-only port, pass-through environment), and podman-compose reading it.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string ComposeFile = Path.Combine(Repository.Root, "compose.yaml");
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    [Fact]
    public void The_compose_file_is_valid_against_the_Compose_Specification_schema()
    {
        var errors = Validate(File.ReadAllText(ComposeFile));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [InlineData("    stdin_open: true\n", "    stdin_open: true\n    restart_policy: always\n", "/services/login")]
    [InlineData("      - \"127.0.0.1:8888:8888\"\n", "      - {published: 8888, target: [8888]}\n", "/services/login/ports/0")]
    [InlineData("    - type: volume\n", "    - type: folder\n", "/services/pipeline/volumes/2")]
    public void A_broken_compose_file_fails_the_schema_naming_where(string from, string to, string where)
    {
        var text = File.ReadAllText(ComposeFile);
        Assert.Contains(from, text, StringComparison.Ordinal);

        var errors = Validate(text.Replace(from, to, StringComparison.Ordinal));

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.StartsWith(where, StringComparison.Ordinal));
    }

    [Fact]
    public void The_pipeline_service_mounts_the_workspace_imports_cache_and_credentials_and_bakes_in_no_secret()
    {
        var compose = ComposeDocument.Parse(File.ReadAllText(ComposeFile));
        var pipeline = compose["services"]!["pipeline"]!;

        var volumes = pipeline["volumes"]!.AsArray().Select(v => (Type: (string)v!["type"]!, Source: (string)v["source"]!, Target: (string)v["target"]!, ReadOnly: (bool?)v["read_only"] ?? false)).ToList();
        Assert.Equal(
            [("bind", ".", "/work", false), ("bind", "${PIPELINE_IMPORTS:-./imports}", "/work/imports", true), ("volume", "cache", "/cache", false), ("bind", "${PIPELINE_CREDENTIALS:-./credentials}", "/work/credentials", false)],
            volumes);
        Assert.NotNull(compose["volumes"]!["cache"]);
        Assert.Equal("${UID:-1000}:${GID:-1000}", (string)pipeline["user"]!);
        Assert.Equal(["--target=Report"], pipeline["command"]!.AsArray().Select(a => (string)a!));
        var environment = pipeline["environment"]!.AsObject();
        // Every secret and endpoint is a bare name, which Compose passes through from the shell only when it is set there.
        Assert.All(environment.Where(e => e.Key != "PIPELINE_CACHE_DIR"), e => Assert.Null(e.Value));
        Assert.Equal("/cache", (string)environment["PIPELINE_CACHE_DIR"]!);
        foreach (var name in new[] { "SPOTIFY_CLIENT_ID", "RECCOBEATS_API_URL", "PIPELINE_REMOTE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            Assert.True(environment.ContainsKey(name), name);
        }
    }

    [Fact]
    public void The_login_service_runs_Login_without_a_browser_and_publishes_its_port_on_the_host_loopback_only()
    {
        var login = ComposeDocument.Parse(File.ReadAllText(ComposeFile))["services"]!["login"]!;

        Assert.Equal(["/opt/pipeline/pipeline", "--target=Login", "--no-browser"], login["entrypoint"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(["127.0.0.1:8888:8888"], login["ports"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("0.0.0.0", (string)login["environment"]!["SPOTIFY_LOGIN_LISTEN"]!);
        Assert.True(login["environment"]!.AsObject().ContainsKey("SPOTIFY_CLIENT_ID"));
        Assert.Equal("/work/credentials", (string)login["volumes"]![3]!["target"]!);
    }

    [SkippableFact]
    public void Podman_compose_reads_it_and_passes_secrets_by_name_only()
    {
        var installed = Tool.OnPath("podman-compose") && Tool.OnPath("podman");
        Tool.Require(installed, ".ci/run installs podman and podman-compose (apt)", "podman-compose is not installed (apt-get install podman-compose); skipping");
        var project = $"pipeline-test-{Guid.NewGuid():N}"[..24];
        var environment = new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = "not-to-be-printed", ["UID"] = "1234", ["GID"] = "5678" };
        try
        {
            // --dry-run prints the podman commands instead of running them (it still makes the project's volume and network).
            var output = Tool.Check("podman-compose", ["-p", project, "--dry-run", "run", "--rm", "--service-ports", "login", "--user=ana"],
                Repository.Root, environment);
            var run = output.Split('\n').Last(l => l.StartsWith("podman run", StringComparison.Ordinal) && l.Contains("--user=ana", StringComparison.Ordinal));

            Assert.Contains(" -e AWS_SECRET_ACCESS_KEY ", run, StringComparison.Ordinal);
            Assert.DoesNotContain("not-to-be-printed", output, StringComparison.Ordinal);
            Assert.Contains(" -p 127.0.0.1:8888:8888 ", run, StringComparison.Ordinal);
            Assert.Contains(" -u 1234:5678 ", run, StringComparison.Ordinal);
            Assert.Contains($" -v {project}_cache:/cache ", run, StringComparison.Ordinal);
            Assert.Contains(" -v .:/work ", run, StringComparison.Ordinal);
            Assert.EndsWith("song-taste-pipeline --user=ana", run.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Tool.Run("podman", ["volume", "rm", "--force", $"{project}_cache"]);
            Tool.Run("podman", ["network", "rm", "--force", $"{project}_default"]);
        }
    }

    /// <summary>The schema, whose "$schema" names draft 7 by its https address, which the library registers only by its http one.</summary>
    private static JsonSchema Load()
    {
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With([], new Uri("https://json-schema.org/draft-07/schema")));
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "compose-spec", "compose-spec.json"));
        return JsonSchema.FromText(text, new BuildOptions { DialectRegistry = dialects });
    }

    /// <summary>The schema's errors, each as "instance location: message".</summary>
    private static List<string> Validate(string yaml)
    {
        var json = JsonSerializer.SerializeToElement(ComposeDocument.Parse(yaml));
        var results = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
