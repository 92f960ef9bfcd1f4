using System.Diagnostics;

namespace Pipeline.Tests.Harness;

/// <summary>Waits for something another process makes (a file, a line in a log); a hang guard of five minutes.</summary>
public static class Poll
{
    public static void Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"{what} never happened (a 5-minute hang guard)");
            Thread.Sleep(20);
        }
    }
}
