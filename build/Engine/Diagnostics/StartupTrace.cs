using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Engine.Diagnostics;

/// <summary>
/// Where start-up time goes: with PIPELINE_TRACE_STARTUP=1, each mark prints the milliseconds since the
/// process started to standard error. The benchmark reads these lines; nothing else does.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("PIPELINE_TRACE_STARTUP") == "1";

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup\t{since.TotalMilliseconds:0.0}\t{phase}"));
        }
    }
}
