using System.Diagnostics;
using FakePipeline;
using Pipeline.Engine.Cli;

namespace Pipeline.Tests.Harness;

/// <summary>A temp workspace holding the fake pipeline's params and input, run in process or as a child process.</summary>
public sealed class FakeWorkspace : IDisposable
{
    public const string DefaultParams = """
        seed: 1
        make:
          text: hello
          repeat: 3
        shout:
          upper: true
          suffix: "!"
        """;

    public FakeWorkspace(string paramsYaml = DefaultParams)
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "inputs"));
        WriteParams(paramsYaml);
        Write("inputs/words.txt", "alpha\nbeta\n");
    }

    public string Root { get; }

    public void WriteParams(string yaml) => Write("params.yaml", yaml + "\n");

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative)) || Directory.Exists(Path.Combine(Root, relative));

    public CliResult Run(params string[] args) => Run(null, args);

    /// <summary>A run in process that sees only <paramref name="environment"/> (null: the test process's own).</summary>
    public CliResult Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PipelineApp.Run<FakeParams>(args, FakeDefinition.Instance, Root, output, error,
            environment is null ? null : HostEnvironment.Of(environment));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts the fake pipeline as a separate process on this workspace.</summary>
    public Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the fake pipeline as a separate process, with these environment variables added.</summary>
    public Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "FakePipeline.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    public static CliResult Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the child pipeline did not finish in 5 minutes (a hang guard)");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing files; the temp folder is cleaned by the OS eventually.
        }
    }
}
