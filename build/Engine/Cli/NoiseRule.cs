namespace Pipeline.Engine.Cli;

/// <summary>
/// When a metric's change is noise: a metric <c>k</c> with a 95% interval <c>k_ci: [low, high]</c> on both sides
/// changed within noise when each side's value lies inside the other side's interval. Each interval says where
/// that run's value could have landed on another draw of its test songs; a change inside both is one luck
/// alone could make. Metrics without intervals on both sides get no verdict.
/// </summary>
internal sealed class NoiseRule(List<(string Key, MetricValue Value)> before, List<(string Key, MetricValue Value)> now)
{
    private readonly Dictionary<string, double> old = Numbers(before);
    private readonly Dictionary<string, double> current = Numbers(now);

    public bool? WithinNoise(string key)
    {
        if (Interval(old, key) is not { } was || Interval(current, key) is not { } @is
            || !old.TryGetValue(key, out var a) || !current.TryGetValue(key, out var b))
        {
            return null;
        }
        return Within(a, was, b, @is);
    }

    /// <summary>Each value inside the other's interval: the change from <paramref name="a"/> to <paramref name="b"/> is one luck alone could make.</summary>
    public static bool Within(double a, (double Low, double High) aInterval, double b, (double Low, double High) bInterval) =>
        a >= bInterval.Low && a <= bInterval.High && b >= aInterval.Low && b <= aInterval.High;

    private static (double Low, double High)? Interval(Dictionary<string, double> side, string key) =>
        side.TryGetValue($"{key}_ci.low", out var low) && side.TryGetValue($"{key}_ci.high", out var high) ? (low, high) : null;

    private static Dictionary<string, double> Numbers(List<(string Key, MetricValue Value)> rows) =>
        rows.Where(r => r.Value.Number is not null).ToDictionary(r => r.Key, r => r.Value.Number!.Value, StringComparer.Ordinal);
}
