using System.Text;

namespace Pipeline.Engine.Cli;

/// <summary>A GitHub Markdown table; a '|' in a cell is escaped so it stays one cell.</summary>
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

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
