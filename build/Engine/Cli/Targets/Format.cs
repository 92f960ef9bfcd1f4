using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Cli;

/// <summary>--json or --md, not both.</summary>
internal static class Format
{
    public static bool Json(TargetContext context) =>
        context.Options.Flag(SharedOptions.Json.Name) && context.Options.Flag(SharedOptions.Markdown.Name)
            ? throw new PipelineException("--json and --md: choose one", ExitCodes.BadUsage)
            : context.Options.Flag(SharedOptions.Json.Name);
}
