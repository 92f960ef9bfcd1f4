using System.Globalization;
using Pipeline.Engine.Diagnostics;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>The host's entry point: <c>return PipelineApp.Run&lt;MyParams&gt;(args, definition);</c></summary>
public static class PipelineApp
{
    public static int Run<TParams>(string[] args, PipelineDefinition definition, string? workspace = null,
        TextWriter? output = null, TextWriter? error = null, HostEnvironment? environment = null) where TParams : class, new()
    {
        StartupTrace.Mark("main");
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        if (workspace is null && output is null && Environment.GetEnvironmentVariable(Sweeps.SweepWorker.Variable) == "1")
        {
            // A sweep's worker: point after point, each in its own workspace, all in this process.
            return Sweeps.SweepWorker.Serve(Console.In, Console.Out,
                (args, folder, log) => RunCommand<TParams>(args, definition, folder, log, log, environment ?? HostEnvironment.Process));
        }
        var root = Path.GetFullPath(workspace ?? Directory.GetCurrentDirectory());
        return AnswerFromStamp(root, args, output ?? Console.Out) ?? RunCommand<TParams>(args, definition, root, output, error, environment);
    }

    /// <summary>A no-op answered before Spectre, YAML or reflection are touched: see <see cref="UpToDateStamp"/>.</summary>
    private static int? AnswerFromStamp(string root, string[] args, TextWriter output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        StartupTrace.Mark("stamp: start");
        if (UpToDateStamp.Check(root, args) is not { } stamp)
        {
            return null;
        }
        StartupTrace.Mark("stamp: checked");
        if (stamp.Verbosity != nameof(Verbosity.Quiet))
        {
            output.Write(SummaryView.RenderUpToDate(stamp.Stages, clock.Elapsed));
        }
        StartupTrace.Mark("answered from the up-to-date stamp");
        return ExitCodes.Success;
    }

    private static int RunCommand<TParams>(string[] args, PipelineDefinition definition, string root,
        TextWriter? output, TextWriter? error, HostEnvironment? environment) where TParams : class, new()
    {
        var console = CreateConsole(output ?? Console.Out, interactive: output is null);
        var errors = error ?? Console.Error;
        var session = new SessionSettings(definition, root, console, errors, environment ?? HostEnvironment.Process) { Args = args };
        StartupTrace.Mark("console");
        try
        {
            var pipeline = new PipelineModel<TParams>(definition, new Files.Workspace(root));
            var registry = new TargetRegistry(pipeline, definition);
            var line = ArgsParser.Parse(args, registry.AllOptions);
            StartupTrace.Mark("parsed");
            if (Meta(line, registry, definition, console.Profile.Out.Writer) is { } answered)
            {
                return answered;
            }
            var target = registry.Resolve(line.Target ?? definition.DefaultTarget);
            if (line.Has(SharedOptions.Help.Name))
            {
                HelpText.For(target, console.Profile.Out.Writer);
                return ExitCodes.Success;
            }
            var options = TargetOptions.Check(target, line, SharedOptions.Global);
            return target.Run(new TargetContext(session, pipeline, options));
        }
        catch (PipelineException e)
        {
            errors.WriteLine($"error: {TerminalText.Safe(e.Message, keepNewlines: true)}");
            return e.ExitCode;
        }
    }

    /// <summary>--help without a target, --version and --description: answered before any target is chosen; they take nothing else.</summary>
    private static int? Meta(CommandLine line, TargetRegistry registry, PipelineDefinition definition, TextWriter output)
    {
        foreach (var meta in new[] { SharedOptions.Version, SharedOptions.Description })
        {
            if (line.Has(meta.Name) && (line.Target is not null || line.OptionsBut(meta.Name, SharedOptions.Verbosity.Name).Any()))
            {
                throw new PipelineException($"--{meta.Name} takes no target and no other option", ExitCodes.BadUsage);
            }
        }
        if (line.Has(SharedOptions.Version.Name))
        {
            output.WriteLine($"pipeline {definition.Version} (.NET {Environment.Version})");
            return ExitCodes.Success;
        }
        if (line.Has(SharedOptions.Description.Name))
        {
            var width = registry.All.Max(t => t.Name.Length);
            foreach (var target in registry.All)
            {
                output.WriteLine($"{target.Name.PadRight(width)}  {target.Description}");
            }
            return ExitCodes.Success;
        }
        if (line.Has(SharedOptions.Help.Name) && line.Target is null)
        {
            HelpText.General(registry, definition.DefaultTarget, output);
            return ExitCodes.Success;
        }
        return null;
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // Stages side by side (--jobs) write lines from several threads.
            Out = new AnsiConsoleOutput(writer == Console.Out ? writer : TextWriter.Synchronized(writer)),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            // Logs and pipes read whole lines: no wrapping at 80 columns.
            console.Profile.Width = 4096;
        }
        return console;
    }
}

/// <summary>What the command needs from the host, passed through Spectre's command data.</summary>
internal sealed record SessionSettings(PipelineDefinition Definition, string Workspace, IAnsiConsole Console, TextWriter Errors, HostEnvironment Environment)
{
    /// <summary>The command line as given, for the up-to-date stamp.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>A warning from a target that is not a run (a run's go through its reporter), printed the same way.</summary>
    public void Warn(string message) => Errors.WriteLine(TerminalText.Warning(message));
}
