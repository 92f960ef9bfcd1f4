namespace FakePipeline;

/// <summary>The "domain" of the Make stage: repeats a text, slowly if asked, failing if asked.</summary>
public static class Maker
{
    public static void Make(FakeParams parameters, string input, string output, IProgress<double> progress)
    {
        using var writer = new StreamWriter(output);
        // Half the file is written before the slow part, so a kill mid-way leaves a partial file behind.
        writer.Write($"{parameters.Make.Text} {parameters.Seed}\n");
        writer.Flush();
        var steps = Math.Max(1, parameters.Make.SleepMs / 50);
        for (var i = 0; i < steps; i++)
        {
            if (parameters.Make.SleepMs > 0)
            {
                Thread.Sleep(50);
            }
            progress.Report((i + 1) / (double)steps);
        }
        if (parameters.Make.Hold is { } hold)
        {
            // A hang guard, not a measure: the test releases the stage by creating the file.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(hold))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"{hold} was not created in 2 minutes");
                }
                Thread.Sleep(10);
            }
        }
        switch (parameters.Make.Fail)
        {
            case "crash":
                throw new InvalidOperationException("the fake stage crashed");
            case "bad_input":
                throw new InvalidDataException("input.csv:3:7: 'abc' is not a number");
        }
        for (var i = 1; i < parameters.Make.Repeat; i++)
        {
            writer.Write($"{parameters.Make.Text} {parameters.Seed}\n");
        }
        writer.Write(File.ReadAllText(input));
    }
}
