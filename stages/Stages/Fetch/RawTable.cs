namespace Pipeline.Stages.Fetch;

/// <summary>An imported file as text cells, with the line each row came from (for error messages).</summary>
internal sealed record RawTable(string File, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

internal sealed record RawRow(int Line, string[] Cells);
