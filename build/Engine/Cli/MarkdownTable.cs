using System.Text;

namespace Pipeline.Engine.Cli;

/// <summary>
/// A GitHub Markdown table. Every cell is data (person names, param values, revision names): a '|' stays in its
/// cell, HTML is shown as text, code spans, emphasis and links cannot open, a newline cannot end the row, and control
/// and bidi characters cannot drive a terminal or reorder the row.
/// </summary>
internal static class MarkdownTable
{
    public static string Render(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header.Select(Escape)).Append(" |\n");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }
        return text.ToString();
    }

    public static string Escape(string cell)
    {
        var result = new StringBuilder(cell.Length + 4);
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            switch (c)
            {
                case '\r' or '\n' or '\t':
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
                case '|' or '\\' or '`' or '*':
                    result.Append('\\').Append(c);
                    break;
                case '(' when i > 0 && cell[i - 1] == ']':
                    result.Append("\\(");
                    break;
                case '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                    break;
                default:
                    result.Append(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }
        return result.ToString();
    }
}
