namespace Pipeline.Stages.Data;

/// <summary>
/// Input data the pipeline cannot use, as InvalidDataException, which the engine reports as bad input (exit 2)
/// without knowing the stages. Every message is written once, here, naming the file and where in it.
/// </summary>
public static class BadInput
{
    public static InvalidDataException MissingColumns(string file, IEnumerable<string> missing, IEnumerable<string> found) =>
        new($"{file}: missing required columns: {string.Join(", ", missing)} (found: {string.Join(", ", found)})");

    public static InvalidDataException NoIdentity(string file, IEnumerable<string> found) =>
        new($"{file}: no track id or title column (looked for id, track_id, uri, name, track_name, title...; found: {string.Join(", ", found)})");

    public static InvalidDataException TooManyBadRows(string file, int bad, int total, double limit, string firstProblem) =>
        new($"{file}: {bad} of {total} rows have an empty, non-numeric or impossible feature, more than the allowed {limit * 100:0.##}% (fetch.max_bad_rows); first: {firstProblem}");

    public static InvalidDataException Unreadable(string file, string detail) =>
        new($"{file}: cannot be read: {detail}");

    public static InvalidDataException FileMissing(string file, string namedBy) =>
        new($"{file}: not found (named by {namedBy})");

    public static InvalidDataException IsFolder(string file, string namedBy) =>
        new($"{file}: is a folder, not a file (named by {namedBy})");

    public static InvalidDataException SameColumn(string file, string feature, IEnumerable<string> headers) =>
        new($"{file}: columns {string.Join(" and ", headers.Select(h => $"'{h}'"))} both read as '{feature}'; drop or rename one");

    public static InvalidDataException NoFeatures(string detail) =>
        new($"no features left to train on: {detail}");

    public static InvalidDataException NoTracks(string user, string file) =>
        new($"{file}: '{user}' has no tracks");

    public static InvalidDataException UnknownLabel(string file, int line, string label, IEnumerable<string> users) =>
        new($"{file}:{line}: label '{label}' is not one of the users in params.yaml ({string.Join(", ", users)})");

    public static InvalidDataException UnknownColumns(string param, IEnumerable<string> unknown, IEnumerable<string> available) =>
        new($"{param} names columns the data lacks: {string.Join(", ", unknown)} (available: {string.Join(", ", available)})");

    public static InvalidDataException TooFewUsers(string file, IEnumerable<string> users) =>
        users.Any()
            ? new($"{file}: needs songs from two or more people, found only: {string.Join(", ", users)}")
            : new($"{file}: needs songs from two or more people, and no songs are left (every song is liked by several people and features.shared_tracks drops those, or every row was bad)");

    public static InvalidDataException TooFewRows(string file, int rows, int classes) =>
        new($"{file}: {rows} rows is too few for {classes} classes (need at least {classes * 2}, two per class)");

    public static InvalidDataException ClassTooSmall(string file, string user, int rows) =>
        new($"{file}: '{user}' has {rows} song(s) left; a stratified split needs at least 2 per person");
}
