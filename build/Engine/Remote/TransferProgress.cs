using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Engine.Remote;

/// <summary>How a push or pull shows its bytes as they move.</summary>
internal interface ITransferProgress
{
    /// <param name="bytes">The bytes to move, or -1 when not known before they arrive.</param>
    void Start(string what, int files, long bytes);

    void Done(long bytes);

    void Finish();
}

/// <summary>
/// A line at most every half second and at the end: "push: 12/40 files, 3.1 MB of 9.8 MB (0.8 s)". Lines, not a
/// redrawn bar, so logs and CI keep them; the bar is the numbers.
/// </summary>
internal sealed class LineTransferProgress(TextWriter output) : ITransferProgress
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = new();
    private string what = "";
    private int files;
    private int done;
    private long total;
    private long moved;
    private TimeSpan shown;

    public void Start(string name, int count, long bytes)
    {
        lock (gate)
        {
            (what, files, total, done, moved, shown) = (name, count, bytes, 0, 0, TimeSpan.Zero);
            clock.Restart();
        }
    }

    public void Done(long bytes)
    {
        lock (gate)
        {
            done++;
            moved += bytes;
            if (clock.Elapsed - shown >= TimeSpan.FromMilliseconds(500) && done < files)
            {
                shown = clock.Elapsed;
                output.WriteLine(Line());
            }
        }
    }

    public void Finish()
    {
        lock (gate)
        {
            if (files > 0)
            {
                output.WriteLine(Line());
            }
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
    };

    private string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  {what}: {Bar()} {done:N0}/{files:N0} files, {Size(moved)}{(total >= 0 ? $" of {Size(total)}" : "")} ({clock.Elapsed.TotalSeconds:0.0} s)");

    private string Bar()
    {
        var fraction = total > 0 ? (double)moved / total : files > 0 ? (double)done / files : 1;
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 20);
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "]";
    }
}
