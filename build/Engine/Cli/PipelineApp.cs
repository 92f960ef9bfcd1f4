using System.Globalization;
using Pipeline.Engine.Diagnostics;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Running;
using Spectre.Console;
using Spectre.Console.Cli;

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
        var app = new CommandApp<BuildCommand<TParams>>().WithData(session);
        app.Configure(config =>
        {
            config.SetApplicationName("build.sh");
            config.UseStrictParsing();
            config.PropagateExceptions();
            config.ConfigureConsole(console);
            config.SetHelpProvider(new TargetsHelp(config.Settings, () => TargetCatalog.All<TParams>(definition), definition.DefaultTarget));
        });
        StartupTrace.Mark("console");
        try
        {
            ArgsCheck.Check(args);
            return app.Run(args);
        }
        catch (PipelineException e)
        {
            errors.WriteLine($"error: {TerminalText.Safe(e.Message, keepNewlines: true)}");
            return e.ExitCode;
        }
        catch (CommandAppException e)
        {
            errors.WriteLine($"error: {TerminalText.Safe(e.Message, keepNewlines: true)} (see ./build.sh --help)");
            return ExitCodes.BadUsage;
        }
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
