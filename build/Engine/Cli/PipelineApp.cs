using System.Globalization;
using Pipeline.Engine.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pipeline.Engine.Cli;

/// <summary>The host's entry point: <c>return PipelineApp.Run&lt;MyParams&gt;(args, definition);</c></summary>
public static class PipelineApp
{
    public static int Run<TParams>(string[] args, PipelineDefinition definition, string? workspace = null,
        TextWriter? output = null, TextWriter? error = null, HostEnvironment? environment = null) where TParams : class, new()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        var console = CreateConsole(output ?? Console.Out, interactive: output is null);
        var errors = error ?? Console.Error;
        var session = new SessionSettings(definition, Path.GetFullPath(workspace ?? Directory.GetCurrentDirectory()), console, errors,
            environment ?? HostEnvironment.Process);
        var app = new CommandApp<BuildCommand<TParams>>().WithData(session);
        app.Configure(config =>
        {
            config.SetApplicationName("build.sh");
            config.UseStrictParsing();
            config.PropagateExceptions();
            config.ConfigureConsole(console);
        });
        try
        {
            return app.Run(args);
        }
        catch (PipelineException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (CommandAppException e)
        {
            errors.WriteLine($"error: {e.Message} (see ./build.sh --help)");
            return ExitCodes.BadUsage;
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
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
internal sealed record SessionSettings(PipelineDefinition Definition, string Workspace, IAnsiConsole Console, TextWriter Errors, HostEnvironment Environment);
