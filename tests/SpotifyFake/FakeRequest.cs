namespace SpotifyFake;

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Authorization, TimeSpan At)
{
    /// <summary>How many ids an ?ids=a,b,c request named.</summary>
    public int Ids => Query.Split('&').FirstOrDefault(p => p.StartsWith("ids=", StringComparison.Ordinal)) is { } ids
        ? Uri.UnescapeDataString(ids[4..]).Split(',', StringSplitOptions.RemoveEmptyEntries).Length
        : 0;
}

/// <summary>A scripted answer for the next requests under a path: a status (with Retry-After), a body, or a delay.</summary>
public sealed record Fault(string PathPrefix, int Status = 0, int? RetryAfterSeconds = null, string? Body = null, TimeSpan Delay = default)
{
    public int Remaining { get; set; } = 1;
}
