using System.Text.RegularExpressions;
using Pipeline.Engine.Errors;
using Pipeline.Engine.Files;
using YamlDotNet.Core;

namespace Pipeline.Engine.Locking;

/// <summary>pipeline.lock: what each stage last ran with. Human-readable YAML, keys sorted, committed.</summary>
internal sealed partial class LockFile
{
    public const int CurrentSchema = 1;

    public int Schema { get; set; } = CurrentSchema;

    public SortedDictionary<string, StageRecord> Stages { get; set; } = new(StringComparer.Ordinal);

    public static LockFile Read(string path, string displayName) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), displayName) : new LockFile();

    /// <summary>A lock file's text (e.g. as git holds it at a revision), checked like the file.</summary>
    public static LockFile Parse(string text, string displayName)
    {
        LockFile? read;
        try
        {
            read = Yaml.Reader.Deserialize<LockFile?>(text);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message ?? e.Message;
            throw PipelineErrors.LockCorrupt(displayName, e.Start.Line, e.Start.Column, inner);
        }
        if (read is null)
        {
            throw PipelineErrors.LockCorrupt(displayName, 1, 1, "the file is empty");
        }
        read.Check(displayName);
        return read;
    }

    public void Write(string path) => AtomicFile.WriteAllText(path, Yaml.Writer.Serialize(this));

    private void Check(string displayName)
    {
        if (Schema != CurrentSchema)
        {
            throw PipelineErrors.LockCorrupt(displayName, 1, 1, $"schema {Schema}, this build reads schema {CurrentSchema}");
        }
        foreach (var (stage, record) in Stages)
        {
            var hashes = record.Deps.Values.Concat(record.Outs.Values).Append(record.Code);
            var bad = hashes.FirstOrDefault(h => h is null || !HashPattern().IsMatch(h));
            if (bad is not null || record.Params.Values.Any(v => v is null))
            {
                throw PipelineErrors.LockCorrupt(displayName, 1, 1, $"stage '{stage}' holds '{bad}', which is not a content hash");
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HashPattern();
}
