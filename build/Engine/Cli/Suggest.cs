namespace Pipeline.Engine.Cli;

/// <summary>"Did you mean": the known word nearest a mistyped one, by edit distance, when it is near enough.</summary>
internal static class Suggest
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        var lower = typed.ToLowerInvariant();
        var words = known.ToList();
        var shared = words.Select(k => (Word: k, Prefix: CommonPrefix(lower, k.ToLowerInvariant())))
            .Where(c => c.Prefix >= 4).OrderByDescending(c => c.Prefix).FirstOrDefault();
        if (shared.Word is not null)
        {
            return shared.Word;
        }
        var best = words.Select(k => (Word: k, Distance: Distance(lower, k.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal).FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Word : null;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    /// <summary>Levenshtein distance, with a swap of two neighbours counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
