using System.Globalization;
using System.Text;
using Pipeline.Engine.Errors;

namespace Pipeline.Engine.Sweeps;

/// <summary>
/// The values of one sweep axis, as Hydra writes them: a comma splits values, a YAML flow value (<c>[16, 8]</c>,
/// <c>{a: 1}</c>) or a quoted text is one value (a list of lists is <c>[16],[32,16]</c>), and
/// <c>range(start,stop[,step])</c> counts from start up to, not including, stop.
/// </summary>
internal static class SweepValues
{
    /// <summary>More values than this in one range is refused (the sweep's own limit is on points).</summary>
    private const int MaxRange = 10_000;

    public static IReadOnlyList<string> Split(string text, string flag)
    {
        var values = new List<string>();
        foreach (var part in TopLevel(text, flag))
        {
            var value = part.Trim();
            if (value.Length == 0)
            {
                throw new PipelineException($"{flag}: an empty value (two commas, or a comma at an end); give every value", ExitCodes.BadUsage);
            }
            if (value.StartsWith("range(", StringComparison.Ordinal) && value.EndsWith(')'))
            {
                values.AddRange(Range(value, flag));
            }
            else
            {
                values.Add(value);
            }
        }
        return values;
    }

    /// <summary>The text split at commas outside brackets, braces, parentheses and quotes.</summary>
    private static List<string> TopLevel(string text, string flag)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '{' or '(')
            {
                depth++;
            }
            else if (c is ']' or '}' or ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (depth != 0 || quote is not null)
        {
            throw new PipelineException($"{flag}: a bracket, brace or quote is not closed", ExitCodes.BadUsage);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static IEnumerable<string> Range(string value, string flag)
    {
        var inner = value["range(".Length..^1].Split(',', StringSplitOptions.TrimEntries);
        decimal Number(string text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
            : throw new PipelineException($"{flag}: {value}: '{text}' is not a number; write range(start,stop[,step])", ExitCodes.BadUsage);
        if (inner.Length is < 2 or > 3)
        {
            throw new PipelineException($"{flag}: {value}: write range(start,stop[,step])", ExitCodes.BadUsage);
        }
        var (start, stop, step) = (Number(inner[0]), Number(inner[1]), inner.Length == 3 ? Number(inner[2]) : 1m);
        if (step == 0 || (stop - start) / step <= 0)
        {
            throw new PipelineException($"{flag}: {value}: gives no value (the step must go from start towards stop)", ExitCodes.BadUsage);
        }
        if ((stop - start) / step > MaxRange)
        {
            throw new PipelineException($"{flag}: {value}: more than {MaxRange:N0} values", ExitCodes.BadUsage);
        }
        for (var x = start; step > 0 ? x < stop : x > stop; x += step)
        {
            yield return x.ToString("0.############################", CultureInfo.InvariantCulture); // 0.5, not 0.50
        }
    }
}
