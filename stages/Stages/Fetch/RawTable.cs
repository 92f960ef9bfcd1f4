namespace Pipeline.Stages.Fetch;

/// <summary>
/// An imported file as text cells, with the line each row came from (for error messages). The rows are read
/// as they are enumerated, once, so a large export never sits in memory as text.
/// </summary>
internal sealed record RawTable(string File, IReadOnlyList<string> Headers, IEnumerable<RawRow> Rows);

internal sealed record RawRow(int Line, string[] Cells);
