using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// The project's image, built once for the container tests with podman from a fresh clone and the Dockerfile as it is
/// (only the base images differ from a user's docker build: local Debian ones from tools/containers/bases.sh, kept
/// between runs). Before the build, secrets are planted everywhere a careless context would pick them up.
/// </summary>
public sealed class PipelineImage : IDisposable
{
    public PipelineImage()
    {
        Assert.True(Environment.UserName == "root" && Tools.All(Tool.OnPath),
            "the container tests need root and podman, buildah and debootstrap (apt-get install podman buildah debootstrap; .ci/run installs them)");
        Clone = Repository.CopyTrackedFiles();
        var bases = Tool.Check(Path.Combine(Clone, "tools", "containers", "bases.sh"), [], Clone, guard: TimeSpan.FromMinutes(20));
        var arguments = bases.Trim().Split('\n')[^1].Split(' ').SelectMany(a => new[] { "--build-arg", a }).ToList();
        PlantSecrets();
        var id = Guid.NewGuid().ToString("N")[..12];
        Tag = $"localhost/song-taste-pipeline:test-{id}";
        BuildStage = $"{Tag}-build";
        // The machine's trust store for the restore (NuGet through this machine's proxy); secrets in the builder's
        // environment, which no layer may keep.
        List<string> build = ["build", "--isolation=chroot", "--volume", "/etc/ssl/certs:/etc/ssl/certs:ro", .. arguments];
        var environment = new Dictionary<string, string> { ["AWS_SECRET_ACCESS_KEY"] = Secret, ["SPOTIFY_CLIENT_ID"] = Secret };
        var before = Images();
        var clock = Stopwatch.StartNew();
        Tool.Check("podman", [.. build, "--tag", Tag, Clone], Clone, environment, TimeSpan.FromMinutes(30));
        BuildTime = clock.Elapsed;
        entrypoint = new(() => [.. System.Text.Json.Nodes.JsonNode.Parse(
            Tool.Check("podman", ["image", "inspect", "--format", "{{json .Config.Entrypoint}}", Tag]))!.AsArray().Select(a => (string)a!)]);
        Tool.Check("podman", [.. build, "--target", "build", "--tag", BuildStage, Clone], Clone, environment, TimeSpan.FromMinutes(30));
        made = [.. Images().Except(before)];
    }

    private static readonly string[] Tools = ["podman", "buildah", "debootstrap"];

    /// <summary>The text of every planted token, key and file.</summary>
    public string Secret { get; } = $"planted-secret-{Guid.NewGuid():N}";

    public string Clone { get; }
    public string Tag { get; }

    /// <summary>The Dockerfile's build stage as an image of its own (podman build --target build).</summary>
    public string BuildStage { get; }

    public TimeSpan BuildTime { get; }

    /// <summary>The image's entry point, as docker run IMAGE ARGS starts it.</summary>
    public IReadOnlyList<string> Entrypoint => entrypoint.Value;

    private readonly Lazy<List<string>> entrypoint;

    /// <summary>The images the builds made: the two tagged ones and podman's cached intermediate layers.</summary>
    private readonly List<string> made;

    /// <summary>The files the planting leaves in the clone (paths relative to it).</summary>
    public static readonly string[] Planted =
    [
        "credentials/credentials.json", "credentials/tokens/ana.json", "data/raw/planted.csv", "models/planted.bin",
        "imports/planted.csv", ".pipeline/cache/planted", "reports/planted.md", "build/Host/bin/planted.txt",
        "stages/Stages/obj/planted.txt", "tests/planted.txt", ".env", "spotify.token",
    ];

    public void Dispose()
    {
        Tool.Run("podman", ["rmi", "--force", Tag, BuildStage, .. made]);
        Directory.Delete(Clone, recursive: true);
    }

    private static HashSet<string> Images() =>
        [.. Tool.Check("podman", ["images", "--all", "--quiet", "--no-trunc"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private void PlantSecrets()
    {
        foreach (var file in Planted)
        {
            var path = Path.Combine(Clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $$"""{"client_id": "{{Secret}}", "access_token": "{{Secret}}"}""");
        }
        Git.Run(Clone, "remote", "set-url", "origin", $"https://ana:{Secret}@git.example.org/song-taste.git");
    }
}

[CollectionDefinition(Name)]
public sealed class ContainerGroup : ICollectionFixture<PipelineImage>
{
    public const string Name = "Containers";
}
