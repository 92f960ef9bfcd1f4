using System.Text.RegularExpressions;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>A Spotify person's name is also their token file's name: letters, digits, '_', '-', '.'; no path tricks.</summary>
public static partial class UserNames
{
    public const string Rule = "a person's name must be letters, digits, '_', '-' or '.', starting with a letter or digit (it names their token file)";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Pattern();
}
