using System.Globalization;
using System.Text;

namespace Pipeline.Engine.Cli;

/// <summary>
/// Text from files (titles, headers, names) shown on a terminal: control characters (ESC, BEL...) and bidi
/// controls (U+202E...) are shown escaped as &lt;U+001B&gt;, so they can neither drive the terminal nor swap columns.
/// </summary>
public static class TerminalText
{
    /// <param name="keepNewlines">Messages keep their line breaks; a table cell does not.</param>
    public static string Safe(string text, bool keepNewlines = false)
    {
        if (!text.Any(c => IsUnsafe(c, keepNewlines)))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            safe.Append(IsUnsafe(c, keepNewlines) ? string.Create(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>") : c);
        }
        return safe.ToString();
    }

    /// <summary>"warning: ..." as every warning is printed, with the text made safe for a terminal.</summary>
    internal static string Warning(string message) => $"warning: {Safe(message, keepNewlines: true)}";

    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsUnsafe(char c, bool keepNewlines) =>
        (char.IsControl(c) && !(keepNewlines && c is '\n' or '\r')) || IsBidiControl(c);
}
