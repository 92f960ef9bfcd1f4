using System.Net;
using System.Text;

namespace Pipeline.Stages.Report;

/// <summary>
/// Song titles and artist names are untrusted text: escaped for wherever they land. Control characters and
/// bidi controls (an unpaired U+202E reverses the rest of a table row) are taken out first: a control becomes
/// U+FFFD, a bidi control is dropped.
/// </summary>
public static class Escape
{
    public static string Html(string text) => WebUtility.HtmlEncode(Clean(text));

    /// <summary>The text without bidi controls, and with other control characters (ESC, BEL...) shown as U+FFFD.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(c => IsBidi(c) || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidi(c))
            {
                continue;
            }
            clean.Append(char.IsControl(c) && c is not '\n' and not '\r' and not '\t' ? '\uFFFD' : c);
        }
        return clean.ToString();
    }

    private static bool IsBidi(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>A Markdown table cell: characters with meaning in Markdown or HTML are backslash-escaped or encoded; newlines become spaces.</summary>
    public static string MarkdownCell(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in Clean(text))
        {
            switch (c)
            {
                case '\r' or '\n':
                    result.Append(' ');
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '!' or '~':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }
}
