using Pipeline.Engine.Hashing;
using Pipeline.Engine.Locking;
using Pipeline.Engine.Tasks;

namespace Pipeline.Engine.Planning;

/// <summary>Reads a stage's current state from the workspace: code version, bound params, dep and out hashes.</summary>
internal sealed class StageStateReader(ContentHasher hasher, ICodeVersions codes, Func<Stage, SortedDictionary<string, string>> paramsOf,
    Func<Stage, (string Key, string Hash)?> changesOf)
{
    /// <summary>The current record (outs left empty); deps that do not exist yet are left out and listed in <paramref name="missing"/>.</summary>
    public StageRecord Current(Stage stage, out List<string> missing)
    {
        var record = new StageRecord { Code = codes.Of(stage.CodeType), Params = paramsOf(stage) };
        missing = [];
        foreach (var dep in stage.Deps)
        {
            var hash = hasher.TryHash(dep);
            if (hash is null)
            {
                missing.Add(dep);
            }
            else
            {
                record.Deps[dep] = hash.Hash;
            }
        }
        if (changesOf(stage) is { } changes)
        {
            record.Deps[changes.Key] = changes.Hash;
        }
        return record;
    }

    public Dictionary<string, string?> Outs(Stage stage) =>
        stage.Outs.ToDictionary(o => o, o => hasher.TryHash(o)?.Hash, StringComparer.Ordinal);
}
