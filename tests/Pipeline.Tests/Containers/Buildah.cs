using System.Diagnostics;
using Pipeline.Tests.Harness;

namespace Pipeline.Tests.Containers;

/// <summary>
/// A working container made from an image with buildah, which runs here where podman run cannot (this sandbox refuses
/// crun's rlimits and cgroups): buildah run --isolation chroot, on the host's network, removed when disposed.
/// </summary>
internal sealed class Buildah : IDisposable
{
    private Buildah(string name) => Name = name;

    public string Name { get; }

    public static Buildah From(string image) => new(Tool.Check("buildah", ["from", "--pull=never", "--quiet", image]).Trim());

    /// <summary>Runs <paramref name="command"/> in the container, with buildah run's <paramref name="options"/> (-v, --user, --env).</summary>
    public Tool.Result Run(IEnumerable<string> options, IEnumerable<string> command) =>
        Tool.Run("buildah", Arguments(options, command), guard: TimeSpan.FromMinutes(10));

    /// <summary>The same, started in the background: for a command the test talks to while it runs (Login).</summary>
    public Process Start(IEnumerable<string> options, IEnumerable<string> command) => Tool.Start("buildah", Arguments(options, command));

    /// <summary>The container's root file system, mounted on the host.</summary>
    public string Mount() => Tool.Check("buildah", ["mount", Name]).Trim();

    public void Dispose() => Tool.Run("buildah", ["rm", Name]);

    private List<string> Arguments(IEnumerable<string> options, IEnumerable<string> command) =>
        ["run", "--isolation", "chroot", "--network", "host", .. options, Name, "--", .. command];
}
