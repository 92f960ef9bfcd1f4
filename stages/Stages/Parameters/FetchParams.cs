using System.ComponentModel.DataAnnotations;
using Pipeline.Stages.Fetch.Spotify;

namespace Pipeline.Stages.Parameters;

public sealed record FetchParams : IValidatableObject
{
    /// <summary>A source in <see cref="Fetch.Sources.Sources"/>: demo (embedded, offline), csv or spotify.</summary>
    public string Source { get; init; } = Fetch.Sources.DemoSourceKind.KindName;

    /// <summary>Two or more people; the label is the key.</summary>
    public Dictionary<string, UserParams> Users { get; init; } = new(StringComparer.Ordinal)
    {
        ["paulo"] = new(),
        ["amelia"] = new(),
    };

    public DemoParams Demo { get; init; } = new();

    public CsvParams Csv { get; init; } = new();

    public SpotifyParams Spotify { get; init; } = new();

    /// <summary>Rows with an empty or non-numeric feature are dropped (and counted) up to this fraction of a file; above it, an error.</summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between 0 and 1")]
    public double MaxBadRows { get; init; } = 0.05;

    /// <summary>Files are inputs the lock records by workspace path: they must be inside the workspace, and one person's each.</summary>
    private IEnumerable<ValidationResult> FileProblems()
    {
        var files = Users.Where(u => u.Value.File is not null).Select(u => (Key: $"{u.Key}.file", Path: u.Value.File!)).ToList();
        if (Csv.File is not null)
        {
            files.Add(("csv.file", Csv.File));
        }
        foreach (var (key, path) in files)
        {
            if (WorkspaceFiles.Problem(path) is { } problem)
            {
                yield return new ValidationResult($"{key} '{path}' {problem}", [key == "csv.file" ? nameof(Csv) : nameof(Users)]);
            }
        }
        var same = files.GroupBy(f => WorkspaceFiles.Normalize(f.Path), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (same is not null)
        {
            yield return new ValidationResult(
                $"{string.Join(" and ", same.Select(f => f.Key))} are the same file '{same.First().Path}': give each person their own export, or one file with a label column (csv.file)",
                [nameof(Users)]);
        }
    }

    private IEnumerable<ValidationResult> SpotifyProblems()
    {
        foreach (var (name, user) in Users)
        {
            if (!UserNames.IsValid(name))
            {
                yield return new ValidationResult($"'{name}': {UserNames.Rule}", [nameof(Users)]);
            }
            else if (user.File is not null)
            {
                yield return new ValidationResult($"'{name}' names a file, which the spotify source does not read (it reads liked songs, or users.{name}.playlist)", [nameof(Users)]);
            }
            else if (user.Playlist is not null && PlaylistIds.Normalize(user.Playlist) is null)
            {
                yield return new ValidationResult($"'{name}': playlist '{user.Playlist}' is not a Spotify playlist id, spotify:playlist: URI or open.spotify.com/playlist/ link", [nameof(Users)]);
            }
        }
        if (Csv.File is not null)
        {
            yield return new ValidationResult("csv.file is for the csv source, not spotify", [nameof(Csv)]);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Users.Keys.FirstOrDefault(n => n.Trim().Length == 0 || n.Any(char.IsControl)) is { } blank)
        {
            yield return new ValidationResult($"'{blank}' is not a name: a person's name needs a letter or digit, and no control characters", [nameof(Users)]);
        }
        foreach (var problem in FileProblems())
        {
            yield return problem;
        }
        if (!Fetch.Sources.Sources.Names.Contains(Source))
        {
            yield return new ValidationResult(Fetch.Sources.Sources.Expected, [nameof(Source)]);
        }
        if (Csv.File is null && Users.Count < 2)
        {
            yield return new ValidationResult("needs two or more people", [nameof(Users)]);
        }
        if (Source == Fetch.Sources.CsvSourceKind.KindName && Csv.File is null && Users.FirstOrDefault(u => u.Value.File is null) is { Key: { } name })
        {
            yield return new ValidationResult($"'{name}' has no file; the csv source needs users.NAME.file or csv.file", [nameof(Users)]);
        }
        if (Source != Fetch.Sources.SpotifySourceKind.KindName && Users.FirstOrDefault(u => u.Value.Playlist is not null) is { Key: { } listed })
        {
            yield return new ValidationResult($"'{listed}' names a playlist, which only the spotify source reads", [nameof(Users)]);
        }
        if (Source == Fetch.Sources.SpotifySourceKind.KindName)
        {
            foreach (var problem in SpotifyProblems())
            {
                yield return problem;
            }
        }
    }
}
