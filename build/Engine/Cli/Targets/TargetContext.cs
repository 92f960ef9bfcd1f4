using Pipeline.Engine.Files;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>What a target runs with: the workspace, its checked options, the console, and the pipeline to bind.</summary>
internal sealed class TargetContext(SessionSettings session, IPipelineModel pipeline, OptionValues options)
{
    private MemoizedCodeVersions? codes;

    public SessionSettings Session => session;

    public IPipelineModel Pipeline => pipeline;

    public OptionValues Options => options;

    public Workspace Workspace { get; } = new(session.Workspace) { SharedCache = SharedCacheOf(session) };

    public IAnsiConsole Console => session.Console;

    public TextWriter Out => session.Console.Profile.Out.Writer;

    public Verbosity Verbosity => Enum.Parse<Verbosity>(options.Text(SharedOptions.Verbosity.Name) ?? "normal", ignoreCase: true);

    public bool DryRun => options.Flag(SharedOptions.DryRun.Name);

    /// <summary>Whether to wait for another run's lock (targets that take --no-wait).</summary>
    public bool Wait => !options.Flag(SharedOptions.NoWait.Name);

    public ConsoleReporter Reporter(bool sideBySide = false) => new(session.Console, session.Errors, Verbosity, sideBySide);

    /// <summary>The versions of the pipeline's own code (the tasks' assembly always among it), remembered per build.</summary>
    public MemoizedCodeVersions Codes => codes ??= new(new CodeVersioner(
        session.Definition.OwnAssemblies.Append(session.Definition.TasksAssembly).Distinct().ToList()), Workspace.CodeMemoFile);

    public PipelineRunner Runner(BoundPipeline bound, IRunReporter reporter, Comparison? comparison = null) =>
        new(Workspace, bound.Graph, bound.ParamsOf, Codes, reporter, session.Environment.Variable, comparison);

    /// <summary>PIPELINE_CACHE_DIR: the run-cache a sweep's points share (an absolute folder).</summary>
    private static string? SharedCacheOf(SessionSettings session) =>
        session.Environment.Variable(Workspace.SharedCacheVariable) is { Length: > 0 } dir && Path.IsPathFullyQualified(dir) ? dir : null;

    public void Error(string message) => session.Errors.WriteLine($"error: {TerminalText.Safe(message, keepNewlines: true)}");
}
