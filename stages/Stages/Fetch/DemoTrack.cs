namespace Pipeline.Stages.Fetch;

/// <summary>One synthetic song: identity, the 13 audio features, and the timbre and pitch means.</summary>
internal sealed record DemoTrack(string Id, string Name, string Artists, double[] Audio, double[] Timbre, double[] Pitch);
