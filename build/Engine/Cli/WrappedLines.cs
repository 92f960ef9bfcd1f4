using System.Text;
using Spectre.Console;

namespace Pipeline.Engine.Cli;

/// <summary>
/// A log line, word-wrapped to the console's width by us rather than by the terminal: Spectre's live display
/// (0.57) misplaces its bars after a line wider than the console. Continuation lines are indented. In logs and
/// pipes the width is 4096, so lines stay whole.
/// </summary>
internal static class WrappedLines
{
    private const string Indent = "      ";

    /// <param name="prefix">Plain text shown grey before the message, e.g. "  fetch:".</param>
    public static void Write(IAnsiConsole console, string prefix, string message)
    {
        var width = Math.Max(40, console.Profile.Width - 1);
        var lines = Wrap(message, width - prefix.Length - 1, width - Indent.Length);
        console.MarkupLineInterpolated($"[grey]{prefix}[/] {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            console.WriteLine(Indent + line);
        }
    }

    public static List<string> Wrap(string text, int first, int rest)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var budget = lines.Count == 0 ? first : rest;
            if (line.Length > 0 && line.Length + 1 + word.Length > budget)
            {
                lines.Add(line.ToString());
                line.Clear();
                budget = rest;
            }
            var piece = word;
            while (piece.Length > budget)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                lines.Add(piece[..budget]);
                piece = piece[budget..];
                budget = rest;
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(piece);
        }
        lines.Add(line.ToString());
        return lines;
    }
}
