namespace Pipeline.Engine.Sweeps;

/// <summary>One point of a sweep: its number (from 0, in grid order) and the params it sets, as --set would.</summary>
internal sealed record SweepPoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Sets)
{
    /// <summary>"train.model=mlp" for each value set, as the point's --set arguments.</summary>
    public IReadOnlyList<string> Assignments => [.. Sets.Select(s => $"{s.Key}={s.Value}")];

    /// <summary>"train.model=mlp train.mlp.learning_rate=0.01", for lines and logs.</summary>
    public string Label => Sets.Count == 0 ? "(params.yaml as it is)" : string.Join(' ', Assignments);
}
