using Pipeline.Engine.Errors;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Running;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>Status and --dryrun: each stage's decision and the reasons for it.</summary>
internal static class PlanView
{
    public static int ShowStatus(Plan plan, IAnsiConsole console)
    {
        var stale = plan.Steps.Where(p => p.Decision is not Decision.Skip).ToList();
        if (stale.Count == 0)
        {
            console.WriteLine("Everything is up to date.");
            return ExitCodes.Success;
        }
        foreach (var planned in stale)
        {
            var key = planned.Stage.ToLowerInvariant();
            foreach (var reason in planned.Decision.Reasons)
            {
                console.WriteLine($"{key}: {reason}");
            }
        }
        return ExitCodes.Failed;
    }

    /// <summary>The plan the run will carry out, a line a stage; a stage waiting on its upstream says how it will be decided.</summary>
    public static void ShowPlan(Plan plan, IAnsiConsole console)
    {
        foreach (var planned in plan.Steps)
        {
            var key = planned.Stage.ToLowerInvariant();
            var why = string.Join("; ", planned.Decision.Reasons);
            console.WriteLine(planned.Decision switch
            {
                Decision.Skip => $"{key}: would skip (up to date)",
                Decision.Restore => $"{key}: would restore from the run-cache ({why})",
                _ when planned.AfterUpstream.Count > 0 && !planned.Forced =>
                    $"{key}: would run ({why}), unless the new outputs of {string.Join(", ", planned.AfterUpstream)} give it inputs it has seen (then restored or skipped)",
                _ => $"{key}: would run ({why})",
            });
        }
    }
}
