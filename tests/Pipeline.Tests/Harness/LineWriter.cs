using System.Collections.Concurrent;
using System.Text;

namespace Pipeline.Tests.Harness;

/// <summary>Standard output for a command the test talks to while it runs: each finished line can be waited for.</summary>
public sealed class LineWriter : TextWriter
{
    private readonly StringBuilder all = new();
    private readonly StringBuilder line = new();
    private readonly BlockingCollection<string> lines = [];
    private readonly Lock gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            all.Append(value);
            if (value == '\n')
            {
                lines.Add(line.ToString().TrimEnd('\r'));
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }

    /// <summary>The first line, from now on, that matches; a hang guard of a minute.</summary>
    public string WaitFor(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var next = lines.Take(timeout.Token);
            if (match(next))
            {
                return next;
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return all.ToString();
        }
    }

    protected override void Dispose(bool disposing)
    {
        lines.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Standard input the test types into while the command runs; Close() is the end of input.</summary>
public sealed class TypedInput : TextReader
{
    private readonly BlockingCollection<string> lines = [];

    public void Type(string line) => lines.Add(line);

    public override void Close() => lines.CompleteAdding();

    public override string? ReadLine()
    {
        try
        {
            return lines.Take();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        lines.CompleteAdding();
        base.Dispose(disposing);
    }
}
