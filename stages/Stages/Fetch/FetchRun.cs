namespace Pipeline.Stages.Fetch;

/// <summary>What the Fetch stage gets from the run around it: where to read and write, and how to report.</summary>
public sealed record FetchRun
{
    /// <summary>A workspace path made absolute.</summary>
    public required Func<string, string> Resolve { get; init; }

    /// <summary>Where data/raw/tracks.parquet goes.</summary>
    public required string TracksOutput { get; init; }

    /// <summary>Where data/raw/fetch-summary.json goes.</summary>
    public required string SummaryOutput { get; init; }

    public IProgress<double> Progress { get; init; } = new Progress<double>();

    public IProgress<(string Phase, long Done, long Total)> Phases { get; init; } = new Progress<(string, long, long)>();

    public Action<string> Log { get; init; } = _ => { };

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>A folder kept between runs, for the spotify source's per-track cache.</summary>
    public string StateDirectory { get; init; } = "";
}
