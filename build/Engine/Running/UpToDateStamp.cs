using System.Globalization;
using System.Text;
using Pipeline.Engine.Files;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Running;

/// <summary>
/// The no-op answer, as make and ninja give it: after a successful run, the exact command line and the size
/// and mtime of every file the decision rests on (params.yaml, pipeline.lock, each stage's deps and outs, the
/// host's own assemblies). A later identical command whose files all still match is answered from this stamp,
/// before the command line, params or lock are even parsed. Any change to any of those files, or a run
/// starting, voids it. It touches no YAML, Spectre or reflection, so the answer costs little more than the
/// runtime's own start.
/// </summary>
internal static class UpToDateStamp
{
    public const string FileName = ".pipeline/up-to-date.tsv";
    private const char ArgSeparator = '\u001f';

    /// <summary>The stage names and verbosity of a matching stamp, or null when the command must really run.</summary>
    public static (IReadOnlyList<string> Stages, string Verbosity)? Check(string root, IReadOnlyList<string> args)
    {
        var path = Path.Combine(root, FileName);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        if (lines.Length < 2 || lines[0] != $"args\t{string.Join(ArgSeparator, args)}" || !lines[1].StartsWith("verbosity\t", StringComparison.Ordinal))
        {
            return null;
        }
        var stages = new List<string>();
        foreach (var line in lines.Skip(2))
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "stage" when parts.Length == 2:
                    stages.Add(parts[1]);
                    break;
                case "file" when parts.Length == 5:
                    if (FileIdentity.Of(Full(root, parts[1])) is not { } identity
                        || identity.Size.ToString(CultureInfo.InvariantCulture) != parts[2]
                        || identity.MtimeTicks.ToString(CultureInfo.InvariantCulture) != parts[3]
                        || identity.Target != parts[4])
                    {
                        return null;
                    }
                    break;
                case "absent" when parts.Length == 2:
                    var full = Full(root, parts[1]);
                    if (File.Exists(full) || Directory.Exists(full))
                    {
                        return null;
                    }
                    break;
                case "dir" when parts.Length == 3:
                    if (!Directory.Exists(Full(root, parts[1])) || Count(Files(Full(root, parts[1]))) != parts[2])
                    {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        return stages.Count == 0 ? null : (stages, lines[1]["verbosity\t".Length..]);
    }

    /// <summary>
    /// The identities of files as they are now, taken before they are read: a file edited while the run reads or
    /// uses it is then recorded as it was, so the next command sees the difference and really checks.
    /// </summary>
    public static Identities Capture(string root, IEnumerable<string> paths)
    {
        var text = new StringBuilder();
        foreach (var path in paths.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            Describe(text, root, path);
        }
        return new Identities(text.ToString());
    }

    /// <summary>
    /// Records the state a successful run left: <paramref name="before"/> as captured when the run read them, then the
    /// files it wrote (<paramref name="written"/>, workspace-relative) and the host's assemblies as they are now.
    /// </summary>
    public static void Write(string root, IReadOnlyList<string> args, string verbosity, IEnumerable<string> stages, Identities before, IEnumerable<string> written)
    {
        var text = new StringBuilder();
        text.Append("args\t").AppendJoin(ArgSeparator, args).Append('\n');
        text.Append("verbosity\t").Append(verbosity).Append('\n');
        foreach (var stage in stages)
        {
            text.Append("stage\t").Append(stage).Append('\n');
        }
        text.Append(before.Text);
        var assemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Append(Environment.ProcessPath ?? "");
        foreach (var path in written.Concat(assemblies).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            Describe(text, root, path);
        }
        AtomicFile.WriteAllText(Path.Combine(root, FileName), text.ToString());
    }

    private static void Describe(StringBuilder text, string root, string path)
    {
        var full = Full(root, path);
        if (Directory.Exists(full))
        {
            var files = Files(full);
            text.Append("dir\t").Append(path).Append('\t').Append(Count(files)).Append('\n');
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                Line(text, file, FileIdentity.Of(file));
            }
        }
        else
        {
            Line(text, path, FileIdentity.Of(full));
        }
    }

    /// <summary>A run is starting: whatever the stamp says may soon be untrue.</summary>
    public static void Void(string root) => File.Delete(Path.Combine(root, FileName));

    private static void Line(StringBuilder text, string path, FileIdentity? identity)
    {
        if (path.Contains('\t') || path.Contains('\n'))
        {
            throw new IOException($"'{path}': a tab or newline in a path cannot be stamped");
        }
        if (identity is { } known)
        {
            text.Append(CultureInfo.InvariantCulture, $"file\t{path}\t{known.Size}\t{known.MtimeTicks}\t{known.Target}\n");
        }
        else
        {
            text.Append("absent\t").Append(path).Append('\n');
        }
    }

    private static List<string> Files(string folder) => [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)];

    /// <summary>A folder's file count, so a file added to it voids the stamp too.</summary>
    private static string Count(List<string> files) => files.Count.ToString(CultureInfo.InvariantCulture);

    private static string Full(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);

    /// <summary>Stamp lines for files as they were when captured.</summary>
    internal sealed record Identities(string Text)
    {
        public Identities With(Identities more) => new(Text + more.Text);
    }
}
