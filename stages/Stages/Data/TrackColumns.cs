namespace Pipeline.Stages.Data;

/// <summary>
/// The identity columns every track table carries, in this order, before its features: data/raw/tracks.parquet,
/// data/features/*.parquet and data/embedding/embedding.parquet. Spelled here once.
/// </summary>
public static class TrackColumns
{
    public const string User = "user";
    public const string TrackId = "track_id";
    public const string Name = "name";
    public const string Artists = "artists";

    public static readonly IReadOnlyList<string> Identity = [User, TrackId, Name, Artists];

    public static bool IsIdentity(string column) => column is User or TrackId or Name or Artists;
}
