using System.Net;
using System.Text;

namespace Pipeline.Stages.Report;

/// <summary>Song titles and artist names are untrusted text: escaped for wherever they land.</summary>
public static class Escape
{
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A Markdown table cell: characters with meaning in Markdown or HTML are backslash-escaped or encoded; newlines become spaces.</summary>
    public static string MarkdownCell(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
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
