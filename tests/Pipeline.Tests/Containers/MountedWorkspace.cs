using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// A workspace and a run-cache folder mounted into a container as compose.yaml mounts them (/work, /cache with
/// PIPELINE_CACHE_DIR, credentials/), owned by uid 1000, the host user compose.yaml runs the container as.
/// </summary>
internal sealed class MountedWorkspace : IDisposable
{
    public const string User = "1000:1000";

    public MountedWorkspace(string parameters)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-containers", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(folder, "work");
        Cache = Path.Combine(folder, "cache");
        Directory.CreateDirectory(Path.Combine(Root, "credentials"));
        Directory.CreateDirectory(Cache);
        File.WriteAllText(Path.Combine(Root, "params.yaml"), parameters);
        Tool.Check("chown", ["-R", User, folder]);
    }

    public string Root { get; }
    public string Cache { get; }

    /// <summary>buildah run's options: compose.yaml's user, volumes and run-cache setting.</summary>
    public IReadOnlyList<string> Options =>
    [
        "--user", User, "--volume", $"{Root}:/work", "--volume", $"{Path.Combine(Root, "credentials")}:/work/credentials",
        "--volume", $"{Cache}:/cache", "--env", "PIPELINE_CACHE_DIR=/cache",
    ];

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
