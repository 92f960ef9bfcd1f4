namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>A request to Spotify or ReccoBeats failed for good (after retries): the stage fails, naming the endpoint.</summary>
public sealed class SpotifyApiException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A login that did not complete: denied, timed out, or answered for another login.</summary>
public sealed class SpotifyLoginException(string message, Exception? inner = null) : Exception(message, inner);
