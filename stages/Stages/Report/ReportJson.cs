using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pipeline.Stages.Report;

/// <summary>
/// Data for report.html's inline scripts: JSON with &lt;, &gt;, &amp; and quotes escaped (so a title cannot close
/// the script), control and bidi characters already taken out. The page's script puts it in the page as text.
/// </summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
