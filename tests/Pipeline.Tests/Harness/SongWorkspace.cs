using Pipeline.Engine.Cli;
using Pipeline.Host;
using Pipeline.Stages.Parameters;

namespace Pipeline.Tests.Harness;

/// <summary>A temp workspace for the real song pipeline, run in process through the same entry point as build.sh.</summary>
public sealed class SongWorkspace : IDisposable
{
    public SongWorkspace(string paramsYaml)
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("params.yaml", paramsYaml);
    }

    public string Root { get; }

    public static string DemoParams(int tracksPerUser = 200, string users = "paulo: {}\n    amelia: {}") => $"""
        seed: 12345
        fetch:
          source: demo
          users:
            {users}
          demo:
            tracks_per_user: {tracksPerUser}
        """ + "\n";

    /// <summary>Copies a fixture from Fixtures/imports into the workspace's imports folder.</summary>
    public string Import(string fixture)
    {
        var target = Path.Combine(Root, "imports", fixture);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Fixture(fixture), target, overwrite: true);
        return $"imports/{fixture}";
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "imports", name);

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative)) || Directory.Exists(Path.Combine(Root, relative));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    /// <summary>The environment variables the runs see (none of the test process's own).</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="variables"/> to what the runs see (a later value wins), and returns the workspace.</summary>
    public SongWorkspace With(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            Variables[name] = value;
        }
        return this;
    }

    public CliResult Run(params string[] args) => RunWith(TextReader.Null, new StringWriter(), args);

    /// <summary>A run with its standard input and output given (e.g. a Login answered by the test).</summary>
    public CliResult RunWith(TextReader input, TextWriter output, params string[] args)
    {
        var error = new StringWriter();
        var code = PipelineApp.Run<PipelineParams>(args, SongPipeline.Definition, Root, output, error, HostEnvironment.Of(Variables, input));
        return new CliResult(code, output.ToString() ?? "", error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp eventually.
        }
    }
}
